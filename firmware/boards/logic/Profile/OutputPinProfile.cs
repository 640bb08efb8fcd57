namespace Jidoka.Boards.Logic.Profile
{
    /// <summary>One digital output: the pin and the level that energizes (stop output) or lights (andon) it.</summary>
    public sealed class OutputPinProfile
    {
        /// <summary>Describes an output.</summary>
        public OutputPinProfile(int pinNumber, bool activeHigh)
        {
            PinNumber = pinNumber;
            ActiveHigh = activeHigh;
        }

        /// <summary>The number nanoFramework's GpioController uses.</summary>
        public int PinNumber { get; }

        /// <summary>True when a high level energizes the output; the other level is the safe one.</summary>
        public bool ActiveHigh { get; }
    }
}
