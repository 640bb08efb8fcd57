using System;
using System.Device.Spi;
using Jidoka.Boards.Logic.Force;
using Jidoka.Boards.Logic.Profile;
using Jidoka.Node.Hardware;

namespace Jidoka.Boards.Adapters.Force
{
    /// <summary>
    /// The HX711 read over SPI (see <see cref="Hx711Protocol"/> for the bit patterns and datasheet facts):
    /// each call sends one zero byte to see whether DOUT is low, and only then clocks the 25..27 PD_SCK
    /// pulses of a read. At 80 samples/s a 1 kHz loop finds a conversion ready about once in 12 steps.
    /// Both buffers are allocated once; a bus exception is reported as <see cref="SensorReadStatus.Fault"/>.
    /// </summary>
    public sealed class Hx711SpiForceSource : IForceSource
    {
        private readonly SpiDevice _spi;
        private readonly int _pulses;
        private readonly byte[] _probeTx = new byte[Hx711Protocol.ProbeBytes];
        private readonly byte[] _probeRx = new byte[Hx711Protocol.ProbeBytes];
        private readonly byte[] _readTx = new byte[Hx711Protocol.ReadFrameBytes];
        private readonly byte[] _readRx = new byte[Hx711Protocol.ReadFrameBytes];

        /// <summary>Opens the SPI bus of <paramref name="profile"/> (mode 0, MSB first, no chip select). ESP32 pins must be routed first.</summary>
        public Hx711SpiForceSource(Hx711Profile profile)
        {
            _pulses = Hx711Protocol.PulsesForGain(profile.Gain);
            Hx711Protocol.FillReadPattern(_readTx, _pulses);

            // Mode 0: MOSI (PD_SCK) changes at each bit's start and MISO is sampled mid-bit, after the
            // HX711's 0.1 µs DOUT settling time. No chip select: the HX711 has none.
            SpiConnectionSettings settings = new SpiConnectionSettings(profile.SpiBusId, -1);
            settings.ClockFrequency = profile.ClockFrequencyHz;
            settings.Mode = SpiMode.Mode0;
            settings.DataFlow = DataFlow.MsbFirst;
            _spi = SpiDevice.Create(settings);
        }

        /// <inheritdoc/>
        public SensorReadStatus TryReadCounts(out int counts)
        {
            counts = 0;
            try
            {
                _spi.TransferFullDuplex(_probeTx, _probeRx);
                if (!Hx711Protocol.IsDataReady(_probeRx[0]))
                {
                    return SensorReadStatus.NotReady;
                }

                _spi.TransferFullDuplex(_readTx, _readRx);
                return Hx711Protocol.TryDecode(_readRx, _pulses, out counts);
            }
            catch (Exception)
            {
                return SensorReadStatus.Fault;
            }
        }
    }
}
