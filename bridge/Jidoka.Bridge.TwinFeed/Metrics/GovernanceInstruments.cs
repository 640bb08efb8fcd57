using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Jidoka.Bridge.Contracts;

namespace Jidoka.Bridge.TwinFeed.Metrics;

/// <summary>
/// The governance figures as OpenTelemetry instruments on the meter <see cref="MeterName"/>, one set
/// per node (labels cell, node) and one per cell (label cell), read from <see cref="GovernanceMetricsCache"/>.
/// Node and cell figures are separate instruments so that summing a node metric by cell never counts
/// twice, and because means and percentiles of a cell cannot be rebuilt from its nodes'.
/// </summary>
public sealed class GovernanceInstruments : IDisposable
{
    /// <summary>The meter's name (what a MeterProvider subscribes to).</summary>
    public const string MeterName = "Jidoka.Bridge.Governance";

    private const double MicrosecondsPerSecond = 1_000_000.0;
    private readonly Meter _meter;
    private readonly GovernanceMetricsCache _cache;

    /// <summary>Creates the meter and its instruments.</summary>
    public GovernanceInstruments(IMeterFactory meters, GovernanceMetricsCache cache)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _meter = meters.Create(MeterName);
        foreach ((string scope, Func<GovernanceReport, IReadOnlyList<GovernanceFigures>> select) in new (string, Func<GovernanceReport, IReadOnlyList<GovernanceFigures>>)[] { ("node", r => r.Nodes), ("cell", r => r.Cells) })
        {
            string p = "jidoka." + scope + ".";
            _meter.CreateObservableCounter(p + "trips", () => Trips(select), null, $"Trips per {scope}, by cause (rule) and response class.");
            Gauge(p + "time_to_safe_state.mean", "s", select, f => Seconds(f.TimeToSafeState.MeanUs), "Mean time from detection to stop output de-energized, as the nodes measured it.");
            Gauge(p + "time_to_safe_state.p95", "s", select, f => Seconds(f.TimeToSafeState.P95Us), "95th percentile (nearest rank) of time-to-safe-state.");
            Gauge(p + "time_to_reset.mean", "s", select, f => Seconds(f.TimeToReset.MeanUs), "Mean time from detection to reset.");
            Gauge(p + "time_to_recover_quality.mean", "s", select, f => Seconds(f.TimeToRecoverQuality.MeanUs), "Mean time from detection to the first good frame after the reset.");
            _meter.CreateObservableCounter(p + "near_misses", () => Values(select, f => f.NearMisses), null, "Near-miss events (force in the warning band, no trip).");
            Gauge(p + "near_miss_to_trip_ratio", null, select, f => f.NearMissToTripRatio, "Near-misses per trip (absent when there was no trip).");
            Gauge(p + "audit_completeness", null, select, f => f.AuditCompleteness, "Share of trips with a complete decision record, 0..1 (absent when there was no trip).");
            _meter.CreateObservableCounter(p + "frames_lost", () => Values(select, f => f.FramesLostTotal), null, "Frames lost to sequence gaps and never recovered.");
            _meter.CreateObservableCounter(p + "events_replayed", () => Values(select, f => f.EventsReplayedTotal), null, "Events that arrived replayed after an outage.");
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();

    private void Gauge(string name, string? unit, Func<GovernanceReport, IReadOnlyList<GovernanceFigures>> select, Func<GovernanceFigures, double?> value, string description) =>
        _meter.CreateObservableGauge(name, () => Doubles(select, value), unit, description);

    private IEnumerable<Measurement<long>> Trips(Func<GovernanceReport, IReadOnlyList<GovernanceFigures>> select)
    {
        GovernanceReport? report = _cache.Latest;
        if (report == null)
        {
            yield break;
        }

        foreach (GovernanceFigures figures in select(report))
        {
            foreach (TripCount count in figures.Trips.ByCauseAndResponse)
            {
                yield return new Measurement<long>(count.Count, Tags(figures).Append(new("cause", count.Cause)).Append(new("response", count.Response)).ToArray());
            }
        }
    }

    private IEnumerable<Measurement<long>> Values(Func<GovernanceReport, IReadOnlyList<GovernanceFigures>> select, Func<GovernanceFigures, long> value)
    {
        GovernanceReport? report = _cache.Latest;
        return report == null ? Array.Empty<Measurement<long>>() : select(report).Select(f => new Measurement<long>(value(f), Tags(f))).ToArray();
    }

    private IEnumerable<Measurement<double>> Doubles(Func<GovernanceReport, IReadOnlyList<GovernanceFigures>> select, Func<GovernanceFigures, double?> value)
    {
        GovernanceReport? report = _cache.Latest;
        if (report == null)
        {
            return Array.Empty<Measurement<double>>();
        }

        // A figure without data (no trip yet) is left out rather than exported as 0, which would read as "instant".
        return select(report)
            .Select(f => (Figures: f, Value: value(f)))
            .Where(p => p.Value.HasValue)
            .Select(p => new Measurement<double>(p.Value!.Value, Tags(p.Figures)))
            .ToArray();
    }

    private static double? Seconds(double? microseconds) => microseconds / MicrosecondsPerSecond;

    private static double? Seconds(long? microseconds) => microseconds / MicrosecondsPerSecond;

    private static KeyValuePair<string, object?>[] Tags(GovernanceFigures f) => f.NodeId == null
        ? new KeyValuePair<string, object?>[] { new("cell", f.CellId) }
        : new KeyValuePair<string, object?>[] { new("cell", f.CellId), new("node", f.NodeId) };
}
