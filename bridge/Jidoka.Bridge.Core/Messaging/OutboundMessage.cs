namespace Jidoka.Bridge.Messaging;

/// <summary>A message the bridge wants published.</summary>
/// <param name="Topic">MQTT topic.</param>
/// <param name="Payload">Payload bytes.</param>
/// <param name="Qos">MQTT QoS, 0 or 1.</param>
/// <param name="Retain">Whether the broker keeps it as the topic's retained message.</param>
public sealed record OutboundMessage(string Topic, byte[] Payload, int Qos, bool Retain);
