using Jidoka.Protocol;

namespace Jidoka.Node.Engine
{
    /// <summary>
    /// The trip latch: booting (output off until the first good cycle), armed, or tripped with the rule
    /// that fired. Only an explicit, accepted reset leaves the tripped state, and the latch is persisted
    /// so that a reboot (a watchdog reset, a power cut) does not silently clear a stop.
    /// </summary>
    public sealed class TripLatch
    {
        /// <summary>Booting, armed or tripped.</summary>
        public TripState State { get; private set; }

        /// <summary>Rule of the latched trip, <see cref="TripRule.None"/> unless tripped.</summary>
        public TripRule Rule { get; private set; }

        /// <summary>Response class of the latched trip, <see cref="ResponseClass.None"/> unless tripped.</summary>
        public ResponseClass Response { get; private set; }

        /// <summary>Input of the latched trip.</summary>
        public InputChannel Channel { get; private set; }

        /// <summary>Event id of the latched trip; 0 unless tripped (or if the trip could not be journaled).</summary>
        public ulong TripEventId { get; set; }

        /// <summary>True while tripped.</summary>
        public bool IsTripped => State == TripState.Tripped;

        /// <summary>True while armed.</summary>
        public bool IsArmed => State == TripState.Armed;

        /// <summary>Latches a trip.</summary>
        public void Latch(TripRule rule, ResponseClass response, InputChannel channel)
        {
            Invariant.Require(rule != TripRule.None && rule != TripRule.ForceNearMiss && response != ResponseClass.None, "trip needs a rule and a response");
            State = TripState.Tripped;
            Rule = rule;
            Response = response;
            Channel = channel;
            TripEventId = 0;
        }

        /// <summary>Arms: after the first good cycle at boot, or after an accepted reset.</summary>
        public void Arm()
        {
            State = TripState.Armed;
            Rule = TripRule.None;
            Response = ResponseClass.None;
            Channel = InputChannel.None;
            TripEventId = 0;
        }
    }
}
