namespace Jidoka.Boards.Logic.Profile
{
    /// <summary>The MCU ADC channel of the fast force path (behind an instrumentation amplifier).</summary>
    public sealed class ForceAdcProfile
    {
        /// <summary>Describes the channel.</summary>
        public ForceAdcProfile(int channel, int inputPin, int resolutionBits, int sampleRateHz)
        {
            Channel = channel;
            InputPin = inputPin;
            ResolutionBits = resolutionBits;
            SampleRateHz = sampleRateHz;
        }

        /// <summary>nanoFramework logical ADC channel (AdcController.OpenChannel), not a pin number.</summary>
        public int Channel { get; }

        /// <summary>The pin the channel samples (for diagnostics; the channel number selects it).</summary>
        public int InputPin { get; }

        /// <summary>Converter resolution, bits.</summary>
        public int ResolutionBits { get; }

        /// <summary>Intended sample rate, Hz (the loop rate reads it).</summary>
        public int SampleRateHz { get; }
    }
}
