using System;

namespace Jidoka.Bridge.Messaging;

/// <summary>A message as it reached the bridge, before decoding.</summary>
/// <param name="Topic">MQTT topic.</param>
/// <param name="Payload">Payload bytes (owned by this message).</param>
/// <param name="ReceivedAt">When the bridge received it (bridge clock); t2 for time-sync requests.</param>
public sealed record InboundMessage(string Topic, byte[] Payload, DateTimeOffset ReceivedAt);
