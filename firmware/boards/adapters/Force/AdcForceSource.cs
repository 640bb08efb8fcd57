using System;
using System.Device.Adc;
using Jidoka.Boards.Logic.Profile;
using Jidoka.Node.Hardware;

namespace Jidoka.Boards.Adapters.Force
{
    /// <summary>
    /// The fast force path: one MCU ADC channel behind the load-cell amplifier, one conversion per loop
    /// step. Range and stuck-value checks are the core's; this only reports a conversion the driver
    /// refused or a value outside the converter's own range as a fault.
    /// </summary>
    public sealed class AdcForceSource : IForceSource
    {
        private readonly AdcChannel _channel;
        private readonly int _maxCounts;

        /// <summary>Opens the profile's logical channel. Throws at boot when the converter's resolution is not the board file's.</summary>
        public AdcForceSource(AdcController adc, ForceAdcProfile profile)
        {
            if (adc.ResolutionInBits != profile.ResolutionBits)
            {
                throw new ArgumentException("ADC resolution differs from the board file");
            }

            _maxCounts = adc.MaxValue;
            _channel = adc.OpenChannel(profile.Channel);
        }

        /// <inheritdoc/>
        public SensorReadStatus TryReadCounts(out int counts)
        {
            try
            {
                counts = _channel.ReadValue();
            }
            catch (Exception)
            {
                counts = 0;
                return SensorReadStatus.Fault;
            }

            return counts < 0 || counts > _maxCounts ? SensorReadStatus.Fault : SensorReadStatus.NewReading;
        }
    }
}
