using System;

namespace Jidoka.Bridge.Messaging;

/// <summary>A message as it reached the bridge, before decoding.</summary>
/// <param name="Topic">MQTT topic.</param>
/// <param name="Payload">Payload bytes (owned by this message).</param>
/// <param name="ReceivedAt">When the bridge received it (bridge clock); t2 for time-sync requests.</param>
/// <param name="TimeSyncAnswered">
/// True when the transport already answered this time-sync request on its fast path (so queueing
/// behind a batch adds no delay to t3); the engine then only records it.
/// </param>
public sealed record InboundMessage(string Topic, byte[] Payload, DateTimeOffset ReceivedAt, bool TimeSyncAnswered = false);
