namespace Jidoka.BoardConfigs.Model;

/// <summary>A logic level on a pin ("high" or "low" in board files).</summary>
public enum PinLevel
{
    /// <summary>Logic high.</summary>
    High,

    /// <summary>Logic low.</summary>
    Low,
}
