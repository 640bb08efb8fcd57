using System.Device.Gpio;
using Jidoka.Boards.Logic.Profile;
using Jidoka.Node.Hardware;

namespace Jidoka.Boards.Adapters.Gpio
{
    /// <summary>
    /// A digital output (the run-permit stop output, the andon) on one GPIO pin, in the board file's
    /// polarity. Opening it drives the de-energized level at once: the board's external pull holds that
    /// level through reset and boot, and the pin must agree from its first instant as an output.
    /// </summary>
    public sealed class GpioOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;
        private readonly bool _activeHigh;

        /// <summary>Opens the pin as a push-pull output and de-energizes it.</summary>
        public GpioOutput(GpioController gpio, OutputPinProfile profile)
        {
            _activeHigh = profile.ActiveHigh;
            _pin = gpio.OpenPin(profile.PinNumber, PinMode.Output);
            Write(false);
        }

        /// <inheritdoc/>
        public void Write(bool energized) => _pin.Write(energized == _activeHigh);
    }
}
