using Jidoka.Bridge.Cases;
using Jidoka.Bridge.Sessions;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Ingest;

/// <summary>Relates the boot id a message carries to its node's session; a reboot is logged and closes the node's open cases' windows.</summary>
internal sealed class BootObserver
{
    private readonly CaseBuilder _cases;
    private readonly ILogger _logger;

    public BootObserver(CaseBuilder cases, ILogger logger)
    {
        _cases = cases;
        _logger = logger;
    }

    public BootObservation Observe(NodeSession session, uint bootId)
    {
        BootObservation observation = session.ObserveBoot(bootId);
        if (observation == BootObservation.Rebooted)
        {
            _logger.LogInformation("Node {Node} rebooted: boot {Boot}.", session.NodeId, bootId);
            _cases.OnReboot(session.NodeId, bootId);
        }

        return observation;
    }
}
