// Mirrors: nanoFramework.Runtime.Events 1.11.37
// Signatures read from nanoframework/nanoFramework.Runtime.Events, tag v1.11.37, BaseEvent.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.

namespace nanoFramework.Runtime.Events
{
    /// <summary>
    /// Base of the events the native event dispatcher delivers to managed code. GPIO pin-change
    /// arguments derive from it, which is why the GPIO surface needs it.
    /// </summary>
    public class BaseEvent
    {
        /// <summary>Native source of the event.</summary>
        public ushort Source;

        /// <summary>Message code the native source attached.</summary>
        public byte Message;

        /// <summary>Not callable: the surface has no behaviour.</summary>
        public BaseEvent() => throw new System.NotImplementedException();
    }
}
