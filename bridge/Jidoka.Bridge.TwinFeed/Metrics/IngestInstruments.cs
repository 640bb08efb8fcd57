using System;
using System.Diagnostics.Metrics;
using System.Linq;
using Jidoka.Bridge.Ingest;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Sessions;

namespace Jidoka.Bridge.TwinFeed.Metrics;

/// <summary>The bridge's own health as OpenTelemetry instruments (meter <see cref="MeterName"/>): ingest totals since start, broker connection, nodes online.</summary>
public sealed class IngestInstruments : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Jidoka.Bridge.Ingest";

    private readonly Meter _meter;

    /// <summary>Creates the meter and its instruments.</summary>
    public IngestInstruments(IMeterFactory meters, IngestEngine engine, IMessagePublisher connection, NodeDirectory directory, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(clock);
        IngestTotals totals = engine.Totals;
        _meter = meters.Create(MeterName);
        _meter.CreateObservableCounter("jidoka.bridge.messages", () => totals.Messages, null, "Messages processed since the bridge started.");
        _meter.CreateObservableCounter("jidoka.bridge.frames_stored", () => totals.FramesStored, null, "Frames stored since the bridge started.");
        _meter.CreateObservableCounter("jidoka.bridge.samples_stored", () => totals.SamplesStored, null, "Samples in frames stored since the bridge started.");
        _meter.CreateObservableCounter("jidoka.bridge.events_stored", () => totals.EventsStored, null, "Events stored since the bridge started.");
        _meter.CreateObservableCounter("jidoka.bridge.messages_rejected", () => totals.Rejected, null, "Messages rejected by a decoder or a consistency check since the bridge started.");
        _meter.CreateObservableGauge("jidoka.bridge.broker_connected", () => connection.IsConnected ? 1 : 0, null, "1 while the bridge is connected to its MQTT broker.");
        _meter.CreateObservableGauge("jidoka.bridge.nodes_online", () => directory.Snapshot().Count(n => directory.IsOnline(n, clock.GetUtcNow())), null, "Nodes online.");
    }

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
