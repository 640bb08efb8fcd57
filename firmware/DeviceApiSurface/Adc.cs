// Mirrors: nanoFramework.System.Device.Adc 1.1.24
// Signatures read from nanoframework/System.Device.Adc, tag v1.1.24: AdcController.cs, AdcControllerBase.cs,
// AdcChannel.cs, AdcChannelBase.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
// Exactly the members the board apps call (Jidoka.BoardApps.Gate.Tests checks it); the types keep the
// package's base types.
//
// The 1 kHz force path reads the MCU ADC (the HX711 gives only 10 or 80 samples/s). Channel numbers
// are the target's logical channels, not pin numbers: board-configs/targets/*.json maps them.

using System;

namespace System.Device.Adc
{
    /// <summary>Members every ADC controller offers.</summary>
    public abstract class AdcControllerBase
    {
        /// <summary>Not callable: the surface has no behaviour.</summary>
        protected AdcControllerBase() => throw new NotImplementedException();

        /// <summary>Largest raw value a channel returns.</summary>
        public abstract int MaxValue { get; }

        /// <summary>Resolution, bits.</summary>
        public abstract int ResolutionInBits { get; }

        /// <summary>Opens logical channel <paramref name="channelNumber"/>.</summary>
        public abstract AdcChannel OpenChannel(int channelNumber);
    }

    /// <summary>The target's ADC.</summary>
    public class AdcController : AdcControllerBase
    {
        /// <summary>Opens the ADC; a second instance throws on the device.</summary>
        public AdcController() => throw new NotImplementedException();

        /// <inheritdoc/>
        public override int MaxValue => throw new NotImplementedException();

        /// <inheritdoc/>
        public override int ResolutionInBits => throw new NotImplementedException();

        /// <inheritdoc/>
        public override AdcChannel OpenChannel(int channelNumber) => throw new NotImplementedException();
    }

    /// <summary>Members every ADC channel offers.</summary>
    public abstract class AdcChannelBase
    {
        /// <summary>Not callable: the surface has no behaviour.</summary>
        protected AdcChannelBase() => throw new NotImplementedException();

        /// <summary>One conversion, raw counts.</summary>
        public abstract int ReadValue();
    }

    /// <summary>One open ADC channel.</summary>
    public class AdcChannel : AdcChannelBase, IDisposable
    {
        internal AdcChannel() => throw new NotImplementedException();

        /// <inheritdoc/>
        public override int ReadValue() => throw new NotImplementedException();

        /// <summary>Releases the channel.</summary>
        public void Dispose() => throw new NotImplementedException();
    }
}
