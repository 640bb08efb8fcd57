// Mirrors: nanoFramework.Hardware.Stm32 1.10.37
// Signatures read from nanoframework/nanoFramework.Hardware.Stm32, tag v1.10.37: Utilities.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
// Exactly the members the board apps call (Jidoka.BoardApps.Gate.Tests checks it).

using System;

namespace nanoFramework.Hardware.Stm32
{
    /// <summary>STM32 device identity.</summary>
    public static class Utilities
    {
        /// <summary>The 96-bit factory unique id (12 bytes): a node identity that survives reflashing.</summary>
        public static byte[] UniqueDeviceId => throw new NotImplementedException();
    }
}
