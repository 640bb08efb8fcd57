using System;

namespace Jidoka.Bridge.Pump;

/// <summary>What differs between the pump's transports (the rest comes from <see cref="BridgeOptions"/>).</summary>
public sealed record BridgePumpOptions
{
    /// <summary>QoS the bridge subscribes to frames with (Bridge:Broker:FrameSubscriptionQos in the service).</summary>
    public int FrameSubscriptionQos { get; init; } = 1;

    /// <summary>
    /// Receive queue capacity; 0 for unbounded. A real broker connection is bounded, so a full queue holds
    /// the broker back; the simulated network has no TCP back-pressure to apply, so it is unbounded.
    /// </summary>
    public int QueueCapacity { get; init; }

    /// <summary>Pause after a batch the store refused before the next one, so a failing disk is not hammered.</summary>
    public TimeSpan StoreRetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
