using System;
using Jidoka.Node.Hardware;

namespace Jidoka.Boards.Logic.Force
{
    /// <summary>
    /// The HX711's serial interface, expressed as SPI bytes. The converter has no SPI of its own: PD_SCK is
    /// a clock the host pulses and DOUT shifts out one bit per pulse. Driving PD_SCK from SPI MOSI with
    /// the pattern 1010… makes every two SPI bits one PD_SCK pulse (high phase, low phase) whose timing
    /// comes from the SPI peripheral rather than from interpreted code, and MISO samples DOUT in both
    /// phases. Datasheet facts used here (Avia Semiconductor HX711, "Serial Interface"):
    /// <list type="bullet">
    /// <item>DOUT high means no conversion is ready; DOUT low means one is, and PD_SCK must stay low until it is read.</item>
    /// <item>Each rising PD_SCK edge shifts out one bit, MSB first (valid 0.1 µs after the edge); 24 bits,
    /// two's complement, saturating at 0x800000 and 0x7FFFFF.</item>
    /// <item>The 25th pulse pulls DOUT back high; 1, 2 or 3 extra pulses (25, 26, 27 in total) select
    /// channel A gain 128, channel B gain 32, channel A gain 64 for the next conversion.</item>
    /// <item>PD_SCK high and low phases must each last 0.2..50 µs; high for more than 60 µs powers the chip
    /// down. At 700 kHz one SPI bit lasts 1.43 µs.</item>
    /// </list>
    /// </summary>
    public static class Hx711Protocol
    {
        /// <summary>Data bits in one conversion.</summary>
        public const int DataBits = 24;

        /// <summary>
        /// SPI bytes of one read: up to 27 pulses × 2 bits = 54 bits, padded with low bits (PD_SCK held
        /// low) to 7 bytes, so the transfer ends with PD_SCK low whatever the gain.
        /// </summary>
        public const int ReadFrameBytes = 7;

        /// <summary>SPI bytes of the data-ready probe: one byte of zeros keeps PD_SCK low while MISO samples DOUT 8 times.</summary>
        public const int ProbeBytes = 1;

        /// <summary>PD_SCK pulses for a gain: 25 (A, 128), 26 (B, 32), 27 (A, 64). Throws for any other gain.</summary>
        public static int PulsesForGain(int gain)
        {
            switch (gain)
            {
                case 128:
                    return 25;
                case 32:
                    return 26;
                case 64:
                    return 27;
                default:
                    throw new ArgumentException("HX711 gain must be 128, 64 or 32");
            }
        }

        /// <summary>Writes the MOSI pattern of one read with <paramref name="pulses"/> PD_SCK pulses into the first <see cref="ReadFrameBytes"/> bytes of <paramref name="mosi"/>.</summary>
        public static void FillReadPattern(byte[] mosi, int pulses)
        {
            if (mosi == null || mosi.Length < ReadFrameBytes || pulses < 25 || pulses > 27)
            {
                throw new ArgumentException("HX711 read pattern");
            }

            for (int i = 0; i < ReadFrameBytes; i++)
            {
                mosi[i] = 0;
            }

            // Pulse p occupies SPI bits 2p (high) and 2p+1 (low), counted MSB first from the frame start.
            for (int p = 0; p < pulses; p++)
            {
                int bit = 2 * p;
                mosi[bit >> 3] |= (byte)(0x80 >> (bit & 7));
            }
        }

        /// <summary>
        /// True when the probe byte says a conversion is ready: every MISO sample low. A byte with any bit
        /// set means DOUT was high (not ready) or changed during the probe (a conversion finishing then):
        /// either way, read at the next step rather than start clocking mid-transition.
        /// </summary>
        public static bool IsDataReady(byte probe) => probe == 0;

        /// <summary>
        /// Decodes one read of <paramref name="pulses"/> pulses from the MISO bytes. Bit k of the result is
        /// the sample taken in pulse k's low phase (SPI bit 2k+1): DOUT changes only after a rising edge, so
        /// that sample is the one furthest from any transition. Returns <see cref="SensorReadStatus.Fault"/>
        /// when DOUT did not go high after the 25th pulse, which a live HX711 always does: a DOUT line
        /// stuck low (broken wire pulled low, chip unpowered) would otherwise read as a plausible zero.
        /// </summary>
        public static SensorReadStatus TryDecode(byte[] miso, int pulses, out int counts)
        {
            counts = 0;
            if (miso == null || miso.Length < ReadFrameBytes || pulses < 25 || pulses > 27)
            {
                return SensorReadStatus.Fault;
            }

            int raw = 0;
            for (int k = 0; k < DataBits; k++)
            {
                raw = (raw << 1) | SampleAt(miso, (2 * k) + 1);
            }

            if (SampleAt(miso, (2 * DataBits) + 1) == 0)
            {
                return SensorReadStatus.Fault;
            }

            counts = SignExtend24(raw);
            return SensorReadStatus.NewReading;
        }

        /// <summary>Sign-extends a 24-bit two's complement value.</summary>
        public static int SignExtend24(int raw24) => (raw24 & 0x800000) != 0 ? raw24 | unchecked((int)0xFF000000) : raw24 & 0xFFFFFF;

        private static int SampleAt(byte[] miso, int bit) => (miso[bit >> 3] >> (7 - (bit & 7))) & 1;
    }
}
