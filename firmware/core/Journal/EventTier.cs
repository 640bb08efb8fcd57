using Jidoka.Protocol;

namespace Jidoka.Node.Journal
{
    /// <summary>
    /// Which events a full journal gives up first. Near-misses go first, then the other informational
    /// events, oldest first; trips, resets and configuration changes are never dropped: the node refuses
    /// to arm, reset or change configuration unless the journal has room to record what follows
    /// (see <see cref="EventJournal.HasRoomForProtected"/>).
    /// </summary>
    public static class EventTier
    {
        /// <summary>Dropped first: near-misses.</summary>
        public const int NearMiss = 0;

        /// <summary>Dropped next, oldest first: boot, discrepancy, sensor fault, overrun, clock step, refusals.</summary>
        public const int Informational = 1;

        /// <summary>Never dropped: trips, resets, policy and calibration changes.</summary>
        public const int Protected = 2;

        /// <summary>The tier of an event type.</summary>
        public static int Of(EventType type)
        {
            switch (type)
            {
                case EventType.NearMiss:
                    return NearMiss;
                case EventType.Trip:
                case EventType.Reset:
                case EventType.PolicyApplied:
                case EventType.PolicyStaged:
                case EventType.CalibrationChanged:
                case EventType.Tare:
                    return Protected;
                default:
                    return Informational;
            }
        }
    }
}
