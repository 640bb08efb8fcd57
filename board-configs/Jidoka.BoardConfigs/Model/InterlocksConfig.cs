namespace Jidoka.BoardConfigs.Model;

/// <summary>The three two-channel interlocks the node reads (status contacts of the safety circuit, not the safety circuit).</summary>
public sealed record InterlocksConfig
{
    /// <summary>Guard-door interlock.</summary>
    public required InterlockPairConfig Guard { get; init; }

    /// <summary>Light curtain.</summary>
    public required InterlockPairConfig LightCurtain { get; init; }

    /// <summary>E-stop status contacts.</summary>
    public required InterlockPairConfig EStop { get; init; }
}

/// <summary>Both channels of one interlock.</summary>
public sealed record InterlockPairConfig
{
    /// <summary>Channel A.</summary>
    public required InterlockInputConfig ChannelA { get; init; }

    /// <summary>Channel B.</summary>
    public required InterlockInputConfig ChannelB { get; init; }
}

/// <summary>One interlock channel input.</summary>
public sealed record InterlockInputConfig
{
    /// <summary>Pin name.</summary>
    public required string Pin { get; init; }

    /// <summary>Header position.</summary>
    public string? Label { get; init; }

    /// <summary>Level read while the contact is closed (safe); a broken wire must read the other level.</summary>
    public required PinLevel HealthyLevel { get; init; }

    /// <summary>What holds the input when the contact is open.</summary>
    public required PullMode Pull { get; init; }
}
