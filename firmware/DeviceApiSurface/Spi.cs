// Mirrors: nanoFramework.System.Device.Spi 1.3.89
// Signatures read from nanoframework/System.Device.Spi, tag v1.3.89: SpiDevice.cs, SpiConnectionSettings.cs,
// SpiBusInfo.cs, SpiMode.cs, DataFlow.cs, SpiBusConfiguration.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
//
// The HX711 is read through SPI rather than bit-banged: MOSI drives PD_SCK with a 1010… pattern and
// MISO samples DOUT, so the pulse timing comes from the SPI peripheral and not from the interpreter.

using System;
using System.Device.Gpio;

// SpanByte is marked [Obsolete] in mscorlib 1.17.11, yet these are the package's real signatures.
#pragma warning disable CS0618

namespace System.Device.Spi
{
    /// <summary>A device on an SPI bus.</summary>
    public class SpiDevice : IDisposable
    {
        /// <summary>Opens the device described by <paramref name="settings"/>.</summary>
        public SpiDevice(SpiConnectionSettings settings) => throw new NotImplementedException();

        /// <summary>Opens the device described by <paramref name="settings"/>.</summary>
        public static SpiDevice Create(SpiConnectionSettings settings) => throw new NotImplementedException();

        /// <summary>Clock limits of bus <paramref name="busId"/>.</summary>
        public static SpiBusInfo GetBusInfo(int busId) => throw new NotImplementedException();

        /// <summary>A copy of the settings the device was opened with.</summary>
        public SpiConnectionSettings ConnectionSettings => throw new NotImplementedException();

        /// <summary>Clocks one byte in.</summary>
        public byte ReadByte() => throw new NotImplementedException();

        /// <summary>Clocks <paramref name="buffer"/>'s length in.</summary>
        public void Read(SpanByte buffer) => throw new NotImplementedException();

        /// <summary>Clocks one byte out.</summary>
        public void WriteByte(byte value) => throw new NotImplementedException();

        /// <summary>Clocks <paramref name="buffer"/> out.</summary>
        public void Write(SpanByte buffer) => throw new NotImplementedException();

        /// <summary>Clocks <paramref name="writeBuffer"/> out while reading as many bytes into <paramref name="readBuffer"/>. Full-duplex buses only.</summary>
        public void TransferFullDuplex(SpanByte writeBuffer, SpanByte readBuffer) => throw new NotImplementedException();

        /// <summary>Releases the device.</summary>
        public void Dispose() => throw new NotImplementedException();
    }

    /// <summary>How a device on an SPI bus is clocked and selected.</summary>
    public sealed class SpiConnectionSettings
    {
        /// <summary>Settings for bus <paramref name="busId"/>; -1 means no chip-select line (the HX711 has none).</summary>
        public SpiConnectionSettings(int busId, int chipSelectLine = -1) => throw new NotImplementedException();

        /// <summary>Bus id (ESP32: 1 or 2; STM32: the SPIn peripheral number).</summary>
        public int BusId
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Chip-select pin, or -1.</summary>
        public int ChipSelectLine
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Clock polarity and phase.</summary>
        public SpiMode Mode
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Bits per word.</summary>
        public int DataBitLength
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Clock frequency, Hz.</summary>
        public int ClockFrequency
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Bit order.</summary>
        public DataFlow DataFlow
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Level that selects the device.</summary>
        public PinValue ChipSelectLineActiveState
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Full duplex, half duplex or simplex.</summary>
        public SpiBusConfiguration Configuration
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }
    }

    /// <summary>Clock limits of one SPI bus.</summary>
    public sealed class SpiBusInfo
    {
        internal SpiBusInfo() => throw new NotImplementedException();

        /// <summary>Highest clock the bus supports, Hz.</summary>
        public int MaxClockFrequency => throw new NotImplementedException();

        /// <summary>Lowest clock the bus supports, Hz.</summary>
        public int MinClockFrequency => throw new NotImplementedException();
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

    /// <summary>Bus wiring.</summary>
    public enum SpiBusConfiguration
    {
        /// <summary>Separate MOSI and MISO lines.</summary>
        FullDuplex,

        /// <summary>One shared data line.</summary>
        HalfDuplex,

        /// <summary>One direction only.</summary>
        Simplex,
    }
}
