namespace Jidoka.Node.Channels
{
    /// <summary>
    /// Why the force channel is faulted. Carried as the reason code of a sensor-fault trip's decision
    /// record (docs/architecture.md §Trip loop), so a reviewer can tell saturation from a dead sensor.
    /// </summary>
    public enum SensorFaultKind : byte
    {
        /// <summary>No fault.</summary>
        None = 0,

        /// <summary>No new reading for longer than the silence limit; observed = silence µs.</summary>
        NotAnswering = 1,

        /// <summary>Reading below the policy's range; observed = mN.</summary>
        BelowRange = 2,

        /// <summary>Reading above the policy's range (saturated ADC); observed = mN.</summary>
        AboveRange = 3,

        /// <summary>The same raw count too many times in a row; observed = identical readings.</summary>
        Stuck = 4,

        /// <summary>The source reported a bus or device error.</summary>
        ReadError = 5,
    }
}
