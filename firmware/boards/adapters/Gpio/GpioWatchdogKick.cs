using System.Device.Gpio;
using Jidoka.Node.Hardware;

namespace Jidoka.Boards.Adapters.Gpio
{
    /// <summary>
    /// The external watchdog's kick line. Each kick inverts the pin, so the watchdog (a supervisor whose
    /// output is in series with the run permit) sees edges only while the loop completes steps on time;
    /// a stuck pin, high or low, starves it just like a hung loop.
    /// </summary>
    public sealed class GpioWatchdogKick : IWatchdog
    {
        private readonly GpioPin _pin;

        /// <summary>Opens the kick pin as an output, low.</summary>
        public GpioWatchdogKick(GpioController gpio, int pinNumber)
        {
            _pin = gpio.OpenPin(pinNumber, PinMode.Output);
            _pin.Write(false);
        }

        /// <inheritdoc/>
        public void Kick() => _pin.Toggle();
    }
}
