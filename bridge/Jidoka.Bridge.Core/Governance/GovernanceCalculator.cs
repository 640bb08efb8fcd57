using System;
using System.Collections.Generic;
using System.Linq;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Governance;

/// <summary>
/// Computes governance figures from stored records, per node and per cell. A pure function: the
/// caller chooses which cases and near-misses count (a time range); frames lost and events replayed
/// come from the nodes' ingest counts, which cover everything since each node was first seen.
/// </summary>
public static class GovernanceCalculator
{
    /// <summary>The figures for <paramref name="nodes"/> from <paramref name="cases"/> and <paramref name="nearMisses"/>.</summary>
    /// <param name="nodes">Every known node (each gets an entry, trips or not).</param>
    /// <param name="cases">The cases (one per trip) to count.</param>
    /// <param name="nearMisses">The near-miss events to count.</param>
    /// <param name="fromUnixUs">Lower bound the caller applied, reported back.</param>
    /// <param name="toUnixUs">Upper bound the caller applied, reported back.</param>
    /// <param name="nowUnixUs">When the figures are computed.</param>
    public static GovernanceSummary Compute(
        IReadOnlyList<NodeRecord> nodes, IReadOnlyList<CaseRecord> cases, IReadOnlyList<EventRecord> nearMisses, long? fromUnixUs, long? toUnixUs, long nowUnixUs)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(nearMisses);

        // A case or near-miss from a node the node table does not hold (it cannot happen with one
        // store, but the function must not lose evidence) still counts, under the case's cell.
        var cellOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (NodeRecord node in nodes)
        {
            cellOf[node.NodeId] = node.CellId;
        }

        foreach (CaseRecord c in cases)
        {
            cellOf.TryAdd(c.NodeId, c.CellId);
        }

        var nodeById = nodes.ToDictionary(n => n.NodeId, StringComparer.Ordinal);
        ILookup<string, CaseRecord> casesByNode = cases.ToLookup(c => c.NodeId, StringComparer.Ordinal);
        ILookup<string, EventRecord> nearMissesByNode = nearMisses.Where(e => e.Type == EventType.NearMiss).ToLookup(e => e.NodeId, StringComparer.Ordinal);
        foreach (EventRecord e in nearMisses)
        {
            cellOf.TryAdd(e.NodeId, "");
        }

        var perNode = cellOf
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Figures(p.Value, p.Key, casesByNode[p.Key].ToList(), nearMissesByNode[p.Key].Count(), NodesOf(nodeById, p.Key)))
            .ToList();
        var perCell = cellOf
            .GroupBy(p => p.Value, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                string[] members = g.Select(p => p.Key).ToArray();
                return Figures(
                    g.Key,
                    null,
                    members.SelectMany(n => casesByNode[n]).ToList(),
                    members.Sum(n => nearMissesByNode[n].Count()),
                    members.SelectMany(n => NodesOf(nodeById, n)).ToList());
            })
            .ToList();

        return new GovernanceSummary(fromUnixUs, toUnixUs, nowUnixUs, perCell, perNode);
    }

    private static IReadOnlyList<NodeRecord> NodesOf(Dictionary<string, NodeRecord> nodeById, string nodeId) =>
        nodeById.TryGetValue(nodeId, out NodeRecord? node) ? new[] { node } : Array.Empty<NodeRecord>();

    private static ScopeFigures Figures(string cellId, string? nodeId, IReadOnlyList<CaseRecord> cases, long nearMisses, IReadOnlyList<NodeRecord> nodes)
    {
        long trips = cases.Count;
        long complete = cases.Count(DecisionRecordCompleteness.IsComplete);
        return new ScopeFigures
        {
            CellId = cellId,
            NodeId = nodeId,
            Trips = Tallies(cases),
            TripCount = trips,
            TimeToSafeState = DurationStatsBuilder.From(cases.Select(c => (long)c.TimeToSafeStateUs)),
            TimeToReset = DurationStatsBuilder.From(cases.Where(c => c.TimeToResetUs.HasValue).Select(c => c.TimeToResetUs!.Value)),
            TimeToRecoverQuality = DurationStatsBuilder.From(cases.Where(c => c.TimeToRecoverQualityUs.HasValue).Select(c => c.TimeToRecoverQualityUs!.Value)),
            NearMisses = nearMisses,
            CompleteDecisionRecords = complete,
            FramesLostTotal = nodes.Sum(n => n.Counters.FramesLost),
            EventsReplayedTotal = nodes.Sum(n => n.Counters.EventsReplayed),
        };
    }

    private static IReadOnlyList<TripTally> Tallies(IReadOnlyList<CaseRecord> cases) => cases
        .GroupBy(c => (c.Decision.Rule, c.Response))
        .OrderBy(g => g.Key.Rule)
        .ThenBy(g => g.Key.Response)
        .Select(g => new TripTally(g.Key.Rule, g.Key.Response, g.Count()))
        .ToList();
}
