namespace Jidoka.Boards.Logic.Profile
{
    /// <summary>What holds an input at a defined level when nothing drives it.</summary>
    public enum InputPull : byte
    {
        /// <summary>A resistor on the interface board; the pin is opened as a plain input.</summary>
        External = 0,

        /// <summary>The MCU's internal pull-up.</summary>
        Up = 1,

        /// <summary>The MCU's internal pull-down.</summary>
        Down = 2,
    }
}
