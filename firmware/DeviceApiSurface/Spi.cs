// Mirrors: nanoFramework.System.Device.Spi 1.3.89
// Signatures read from nanoframework/System.Device.Spi, tag v1.3.89: SpiDevice.cs, SpiConnectionSettings.cs,
// SpiMode.cs, DataFlow.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
// Exactly the members the board apps call (Jidoka.BoardApps.Gate.Tests checks it).
//
// The HX711 is read through SPI rather than bit-banged: MOSI drives PD_SCK with a 1010… pattern and
// MISO samples DOUT, so the pulse timing comes from the SPI peripheral and not from the interpreter.

using System;

// SpanByte is marked [Obsolete] in mscorlib 1.17.11, yet these are the package's real signatures.
#pragma warning disable CS0618

namespace System.Device.Spi
{
    /// <summary>A device on an SPI bus.</summary>
    public class SpiDevice : IDisposable
    {
        internal SpiDevice() => throw new NotImplementedException();

        /// <summary>Opens the device described by <paramref name="settings"/>.</summary>
        public static SpiDevice Create(SpiConnectionSettings settings) => throw new NotImplementedException();

        /// <summary>Clocks <paramref name="writeBuffer"/> out while reading as many bytes into <paramref name="readBuffer"/>. Full-duplex buses only.</summary>
        public void TransferFullDuplex(SpanByte writeBuffer, SpanByte readBuffer) => throw new NotImplementedException();

        /// <summary>Releases the device.</summary>
        public void Dispose() => throw new NotImplementedException();
    }

    /// <summary>How a device on an SPI bus is clocked and selected (the package's properties also have getters).</summary>
    public sealed class SpiConnectionSettings
    {
        /// <summary>Settings for bus <paramref name="busId"/>; -1 means no chip-select line (the HX711 has none).</summary>
        public SpiConnectionSettings(int busId, int chipSelectLine = -1) => throw new NotImplementedException();

        /// <summary>Clock polarity and phase.</summary>
        public SpiMode Mode
        {
            set => throw new NotImplementedException();
        }

        /// <summary>Clock frequency, Hz.</summary>
        public int ClockFrequency
        {
            set => throw new NotImplementedException();
        }

        /// <summary>Bit order.</summary>
        public DataFlow DataFlow
        {
            set => throw new NotImplementedException();
        }
    }

    /// <summary>SPI clock polarity and phase.</summary>
    public enum SpiMode
    {
        /// <summary>CPOL 0, CPHA 0.</summary>
        Mode0,

        /// <summary>CPOL 0, CPHA 1.</summary>
        Mode1,

        /// <summary>CPOL 1, CPHA 0.</summary>
        Mode2,

        /// <summary>CPOL 1, CPHA 1.</summary>
        Mode3,
    }

    /// <summary>Bit order on the wire.</summary>
    public enum DataFlow
    {
        /// <summary>Most significant bit first.</summary>
        MsbFirst,

        /// <summary>Least significant bit first.</summary>
        LsbFirst,
    }
}
