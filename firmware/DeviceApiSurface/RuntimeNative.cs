// Mirrors: nanoFramework.Runtime.Native 1.7.11
// Signatures read from nanoframework/nanoFramework.Runtime.Native, tag v1.7.11: GC.cs, SystemInfo.cs,
// System/Environment.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
// Exactly the members the board apps call (Jidoka.BoardApps.Gate.Tests checks it).

using System;

namespace nanoFramework.Runtime.Native
{
    /// <summary>nanoFramework's garbage collector control.</summary>
    public static class GC
    {
        /// <summary>Runs a collection and returns the free managed heap, bytes. Stops the world: status side only, never in the trip loop.</summary>
        public static uint Run(bool compactHeap) => throw new NotImplementedException();
    }

    /// <summary>Facts about the running firmware.</summary>
    public static class SystemInfo
    {
        /// <summary>The firmware's target name, e.g. "ESP32_REV3": the apps refuse to start unless it is the board file's target.</summary>
        public static string TargetName => throw new NotImplementedException();
    }
}

namespace System
{
    /// <summary>
    /// The package adds TickCount64 to mscorlib's System namespace (Environment.cs, a partial class there).
    /// mscorlib 1.17.11 has no Environment type, so the mirror declares it here.
    /// </summary>
    public static class Environment
    {
        /// <summary>Milliseconds since boot from the runtime's uptime counter: monotonic, millisecond resolution (the STM32 clock's anchor).</summary>
        public static long TickCount64 => throw new NotImplementedException();
    }
}
