namespace Jidoka.Boards.Logic.Profile
{
    /// <summary>
    /// One digital input as the board file describes it: the pin, the level that means "active" (an
    /// interlock contact closed, the reset button pressed) and what holds the pin when nothing drives it.
    /// </summary>
    public sealed class InputPinProfile
    {
        /// <summary>Describes an input.</summary>
        public InputPinProfile(int pinNumber, bool activeHigh, InputPull pull)
        {
            PinNumber = pinNumber;
            ActiveHigh = activeHigh;
            Pull = pull;
        }

        /// <summary>The number nanoFramework's GpioController uses (ESP32: GPIO n; STM32: port × 16 + pad).</summary>
        public int PinNumber { get; }

        /// <summary>True when a high level means active; interlocks on the interface board read low when closed.</summary>
        public bool ActiveHigh { get; }

        /// <summary>What holds the pin while nothing drives it.</summary>
        public InputPull Pull { get; }
    }
}
