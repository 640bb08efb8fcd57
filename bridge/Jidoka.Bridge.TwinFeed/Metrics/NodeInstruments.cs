using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.TwinFeed.Metrics;

/// <summary>
/// Each node's current state as OpenTelemetry gauges (meter <see cref="MeterName"/>, labels cell and node),
/// read from the <see cref="NodeDirectory"/> at each scrape: what an andon dashboard in Grafana shows per
/// tile. Frames lost per node is a governance figure (jidoka.node.frames_lost in <see cref="GovernanceInstruments"/>).
/// </summary>
public sealed class NodeInstruments : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Jidoka.Bridge.Nodes";

    private const double MicrosecondsPerSecond = 1_000_000.0;
    private readonly Meter _meter;
    private readonly NodeDirectory _directory;
    private readonly TimeProvider _clock;

    /// <summary>Creates the meter and its instruments.</summary>
    public NodeInstruments(IMeterFactory meters, NodeDirectory directory, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("jidoka.node.online", () => Each(n => _directory.IsOnline(n, _clock.GetUtcNow()) ? 1 : 0), null, "1 while the node is online (its retained status, or heard from recently).");
        _meter.CreateObservableGauge("jidoka.node.tripped", () => Tripped(), null, "1 while the node's trip is latched, with the latched cause and response class as labels (cause=\"none\" when armed).");
        _meter.CreateObservableGauge("jidoka.node.policy_id", () => Each(n => n.Provenance.PolicyId, n => new("policy_hash", n.Provenance.PolicyHash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture))), null, "Active policy id (label policy_hash).");
        _meter.CreateObservableGauge("jidoka.node.time_quality", () => Each(n => (long)n.Provenance.TimeQuality, n => new("quality", TimeQualityNames.Name(n.Provenance.TimeQuality))), null, "Time quality: 0 unsynced, 1 synced, 2 holdover (label quality).");
        _meter.CreateObservableGauge("jidoka.node.time_uncertainty", () => EachDouble(n => n.Provenance.TimeUncertaintyUs / MicrosecondsPerSecond), "s", "The node's bound on its clock offset error.");
        _meter.CreateObservableGauge("jidoka.node.journal_depth", () => JournalDepths(), null, "Events journaled on the node and not yet acknowledged, from its last status (absent before its first status).");
        _meter.CreateObservableGauge("jidoka.node.last_seen_age", () => EachDouble(n => Math.Max(0, (UnixTime.ToUnixUs(_clock.GetUtcNow()) - n.LastSeenUnixUs) / MicrosecondsPerSecond)), "s", "Time since the bridge last heard from the node.");
    }

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();

    /// <summary>The journal depth in a status JSON document, when it has one.</summary>
    public static bool TryReadJournalDepth(string statusJson, out long depth)
    {
        depth = 0;
        if (string.IsNullOrEmpty(statusJson))
        {
            return false;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(statusJson);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("journalDepth", out JsonElement value)
                && value.TryGetInt64(out depth);
        }
        catch (JsonException)
        {
            // The ingest engine stores only status that decoded; a document it cannot read again is left out, not exported as 0.
            return false;
        }
    }

    private IEnumerable<Measurement<long>> Each(Func<NodeRecord, long> value, Func<NodeRecord, KeyValuePair<string, object?>>? extra = null) =>
        _directory.Snapshot().Select(n => new Measurement<long>(value(n), Tags(n, extra?.Invoke(n)))).ToArray();

    private IEnumerable<Measurement<double>> EachDouble(Func<NodeRecord, double> value) =>
        _directory.Snapshot().Select(n => new Measurement<double>(value(n), Tags(n, null))).ToArray();

    private IEnumerable<Measurement<long>> Tripped() => _directory.Snapshot()
        .Select(n => new Measurement<long>(
            n.TripState == TripState.Tripped ? 1 : 0,
            Tags(n, new("cause", TripRuleNames.Name(n.TripCause))).Append(new("response", ResponseClassNames.Name(n.Response))).ToArray()))
        .ToArray();

    private IEnumerable<Measurement<long>> JournalDepths()
    {
        var measurements = new List<Measurement<long>>();
        foreach (NodeRecord node in _directory.Snapshot())
        {
            if (TryReadJournalDepth(node.LastStatusJson, out long depth))
            {
                measurements.Add(new Measurement<long>(depth, Tags(node, null)));
            }
        }

        return measurements;
    }

    private static KeyValuePair<string, object?>[] Tags(NodeRecord node, KeyValuePair<string, object?>? extra) => extra is { } e
        ? new KeyValuePair<string, object?>[] { new("cell", node.CellId), new("node", node.NodeId), e }
        : new KeyValuePair<string, object?>[] { new("cell", node.CellId), new("node", node.NodeId) };
}
