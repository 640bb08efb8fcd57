using System.Collections.Generic;
using Jidoka.Bridge.Messaging;

namespace Jidoka.Bridge.Ingest;

/// <summary>What one processed batch produced.</summary>
/// <param name="Outbound">Messages to publish now that the batch is durable: event acks (time-sync requests are answered on arrival by the pump).</param>
/// <param name="FramesStored">Frames newly stored.</param>
/// <param name="EventsStored">Events newly stored.</param>
/// <param name="EventsAcknowledged">Event ids acknowledged (new and duplicate) in acks that encoded.</param>
/// <param name="Rejected">Messages rejected.</param>
public sealed record BatchResult(IReadOnlyList<OutboundMessage> Outbound, int FramesStored, int EventsStored, int EventsAcknowledged, int Rejected);
