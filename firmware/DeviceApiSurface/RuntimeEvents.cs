// Mirrors: nanoFramework.Runtime.Events 1.11.37
// Signatures read from nanoframework/nanoFramework.Runtime.Events, tag v1.11.37, BaseEvent.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.

namespace nanoFramework.Runtime.Events
{
    /// <summary>
    /// Base of the events the native event dispatcher delivers to managed code. GPIO pin-change
    /// arguments derive from it, which is why the GPIO surface needs it; the apps use none of its members.
    /// </summary>
    public class BaseEvent
    {
        internal BaseEvent() => throw new System.NotImplementedException();
    }
}
