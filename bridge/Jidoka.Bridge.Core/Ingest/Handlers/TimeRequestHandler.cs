using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Time;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Ingest;

/// <summary>
/// Time-sync requests reach the engine only to be counted (a malformed one is a rejection against its
/// node); the <see cref="Pump.BridgePump"/> answered them on arrival, the one place they are answered.
/// </summary>
internal sealed class TimeRequestHandler
{
    private readonly TimeSyncRequestMessage _request = new();

    public DecodeResult Handle(NodeSession session, byte[] payload) =>
        TimeSyncResponder.TryReadRequest(payload, session.NodeId, _request);
}
