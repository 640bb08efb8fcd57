using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Time;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Ingest;

/// <summary>
/// Owns a node's <c>LastClockSkewUs</c> and <c>ClockSkewSuspect</c>: compares the wall time of live frames
/// and events with the bridge's receive time (<see cref="ClockSkewCheck"/>), counts suspect ones and
/// warns once when a node becomes suspect. The skew is written only while suspect or on a change, so it
/// stays off the per-frame path of a healthy node.
/// </summary>
internal sealed class ClockSkewMonitor
{
    private readonly long _thresholdUs;
    private readonly ILogger _logger;

    public ClockSkewMonitor(long thresholdUs, ILogger logger)
    {
        _thresholdUs = thresholdUs;
        _logger = logger;
    }

    public void Check(NodeSession session, long skewUs, uint uncertaintyUs, long spanUs)
    {
        bool suspect = ClockSkewCheck.IsSuspect(skewUs, uncertaintyUs, _thresholdUs, spanUs);
        if (suspect)
        {
            session.Counters.ClockSkewFlags++;
            if (!session.Record.ClockSkewSuspect)
            {
                _logger.LogWarning("Node {Node} clock disagrees with the bridge by {SkewMs} ms (threshold {ThresholdMs} ms + uncertainty).", session.NodeId, skewUs / 1000, _thresholdUs / 1000);
            }
        }

        if (suspect != session.Record.ClockSkewSuspect || suspect)
        {
            session.Update(r => r with { LastClockSkewUs = skewUs, ClockSkewSuspect = suspect });
        }
    }
}
