using Jidoka.Bridge.Sessions;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Ingest;

/// <summary>
/// The node fields live frames own: the node's time quality and uncertainty, as its newest live data
/// states them. Status owns the policy and calibration fields (see docs/architecture.md, "Who writes
/// which node field"); a frame's policy and calibrations are kept with the frame itself.
/// </summary>
internal static class LiveProvenance
{
    public static void Observe(NodeSession session, Provenance p)
    {
        if (session.Record.Provenance.TimeQuality == p.TimeQuality && session.Record.Provenance.TimeUncertaintyUs == p.TimeUncertaintyUs)
        {
            return;
        }

        TimeQuality quality = p.TimeQuality;
        uint uncertaintyUs = p.TimeUncertaintyUs;
        session.Update(r => r with { Provenance = r.Provenance with { TimeQuality = quality, TimeUncertaintyUs = uncertaintyUs } });
    }
}
