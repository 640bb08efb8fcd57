namespace Jidoka.Bridge.Pump;

/// <summary>One topic filter the bridge subscribes to.</summary>
/// <param name="Filter">MQTT topic filter.</param>
/// <param name="Qos">Maximum QoS, 0 or 1.</param>
public sealed record TopicSubscription(string Filter, int Qos);
