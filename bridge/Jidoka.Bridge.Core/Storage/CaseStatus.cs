namespace Jidoka.Bridge.Storage;

/// <summary>Where an exception case stands.</summary>
public enum CaseStatus
{
    /// <summary>The trip is latched; no reset recorded yet.</summary>
    Open = 1,

    /// <summary>Reset recorded; waiting for the first good frame after it.</summary>
    Reset = 2,

    /// <summary>Quality recovered after the reset; the case is complete.</summary>
    Recovered = 3,
}
