namespace Jidoka.BoardConfigs.Model;

/// <summary>What holds an input at a defined level when nothing drives it.</summary>
public enum PullMode
{
    /// <summary>The MCU's internal pull-up.</summary>
    Up,

    /// <summary>The MCU's internal pull-down.</summary>
    Down,

    /// <summary>A resistor on the board; required on pins without internal pulls.</summary>
    External,
}
