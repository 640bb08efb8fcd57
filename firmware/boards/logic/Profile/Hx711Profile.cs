namespace Jidoka.Boards.Logic.Profile
{
    /// <summary>
    /// The HX711 on SPI: MOSI drives PD_SCK, MISO samples DOUT, SCK is claimed by the peripheral but not
    /// wired, and there is no chip select.
    /// </summary>
    public sealed class Hx711Profile
    {
        /// <summary>Describes the converter's wiring and settings.</summary>
        public Hx711Profile(int spiBusId, int pdSckPin, int doutPin, int spiClockPin, int clockFrequencyHz, int dataRateSamplesPerSecond, int gain)
        {
            SpiBusId = spiBusId;
            PdSckPin = pdSckPin;
            DoutPin = doutPin;
            SpiClockPin = spiClockPin;
            ClockFrequencyHz = clockFrequencyHz;
            DataRateSamplesPerSecond = dataRateSamplesPerSecond;
            Gain = gain;
        }

        /// <summary>nanoFramework SPI bus id (ESP32: 1 or 2; STM32: the SPIn peripheral).</summary>
        public int SpiBusId { get; }

        /// <summary>SPI MOSI pin, wired to PD_SCK.</summary>
        public int PdSckPin { get; }

        /// <summary>SPI MISO pin, wired to DOUT.</summary>
        public int DoutPin { get; }

        /// <summary>SPI SCK pin, claimed by the peripheral, left unconnected.</summary>
        public int SpiClockPin { get; }

        /// <summary>SPI clock, Hz: one bit is one PD_SCK high or low phase.</summary>
        public int ClockFrequencyHz { get; }

        /// <summary>10 or 80 samples/s, set by the HX711's RATE pin.</summary>
        public int DataRateSamplesPerSecond { get; }

        /// <summary>128 or 64 (channel A) or 32 (channel B).</summary>
        public int Gain { get; }
    }
}
