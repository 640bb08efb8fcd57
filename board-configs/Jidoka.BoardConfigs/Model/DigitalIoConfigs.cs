namespace Jidoka.BoardConfigs.Model;

/// <summary>The local reset push-button.</summary>
public sealed record ResetButtonConfig
{
    /// <summary>Pin name.</summary>
    public required string Pin { get; init; }

    /// <summary>Header position.</summary>
    public string? Label { get; init; }

    /// <summary>Level while pressed.</summary>
    public required PinLevel PressedLevel { get; init; }

    /// <summary>What holds the input while released.</summary>
    public required PullMode Pull { get; init; }
}

/// <summary>The run-permit output, de-energized to trip.</summary>
public sealed record StopOutputConfig
{
    /// <summary>Pin name.</summary>
    public required string Pin { get; init; }

    /// <summary>Header position.</summary>
    public string? Label { get; init; }

    /// <summary>Level that energizes the run-permit relay; a trip drives the other level.</summary>
    public required PinLevel EnergizedLevel { get; init; }

    /// <summary>Direction of the board's resistor that holds the pin while the MCU is not driving it; must pull to the de-energized level.</summary>
    public required PullDirection ExternalPull { get; init; }

    /// <summary>The level that stops the cell.</summary>
    public PinLevel DeEnergizedLevel => EnergizedLevel == PinLevel.High ? PinLevel.Low : PinLevel.High;
}

/// <summary>Direction of an external pull resistor.</summary>
public enum PullDirection
{
    /// <summary>To the supply.</summary>
    Up,

    /// <summary>To ground.</summary>
    Down,
}

/// <summary>The andon (status light) output.</summary>
public sealed record AndonOutputConfig
{
    /// <summary>Pin name.</summary>
    public required string Pin { get; init; }

    /// <summary>Header position.</summary>
    public string? Label { get; init; }

    /// <summary>Level that lights the andon.</summary>
    public required PinLevel OnLevel { get; init; }
}

/// <summary>Kick line of the external watchdog in series with the stop output.</summary>
public sealed record WatchdogKickConfig
{
    /// <summary>Pin name.</summary>
    public required string Pin { get; init; }

    /// <summary>Header position.</summary>
    public string? Label { get; init; }

    /// <summary>How the node kicks; always a toggle per completed step, so a stuck pin starves the watchdog.</summary>
    public required WatchdogKickMode KickMode { get; init; }

    /// <summary>The watchdog part's timeout, ms.</summary>
    public required int TimeoutMs { get; init; }
}

/// <summary>How the watchdog is kicked.</summary>
public enum WatchdogKickMode
{
    /// <summary>Invert the line once per completed loop step.</summary>
    Toggle,
}
