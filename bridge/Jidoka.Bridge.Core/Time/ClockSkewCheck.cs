namespace Jidoka.Bridge.Time;

/// <summary>Decides whether a node's clock disagrees with the bridge's by more than the node claims it could.</summary>
public static class ClockSkewCheck
{
    /// <summary>
    /// Skew of live data: bridge receive time minus the node's wall time for the newest thing in the
    /// message (positive means the node's clock is behind, or the message was delayed). It is suspect
    /// when it lies outside [-(uncertainty + threshold), uncertainty + threshold + spanUs], where
    /// <paramref name="spanUs"/> allows for a frame's own duration and batching.
    /// </summary>
    public static bool IsSuspect(long skewUs, uint uncertaintyUs, long thresholdUs, long spanUs)
    {
        long tolerance = uncertaintyUs + thresholdUs;
        return skewUs < -tolerance || skewUs > tolerance + spanUs;
    }
}
