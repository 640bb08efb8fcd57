using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Governance;

/// <summary>Reads what the governance figures need from the store and computes them.</summary>
public static class GovernanceReader
{
    /// <summary>
    /// Most cases and most near-misses one computation reads. A bridge that has stored more than this in
    /// the requested range gets figures over the newest ones; ask for a shorter range.
    /// </summary>
    public const int MaxRecords = 1_000_000;

    /// <summary>The figures over trips and near-misses whose wall time lies in [<paramref name="fromUnixUs"/>, <paramref name="toUnixUs"/>] (null: unbounded).</summary>
    public static async Task<GovernanceSummary> ReadAsync(IBridgeStore store, long? fromUnixUs, long? toUnixUs, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        IReadOnlyList<NodeRecord> nodes = await store.ListNodesAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<CaseRecord> cases = await store.QueryCasesAsync(new CaseQuery(FromUnixUs: fromUnixUs, ToUnixUs: toUnixUs, Limit: MaxRecords), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<EventRecord> nearMisses = await store.QueryEventsAsync(new EventQuery(Type: EventType.NearMiss, FromUnixUs: fromUnixUs, ToUnixUs: toUnixUs, Limit: MaxRecords), cancellationToken).ConfigureAwait(false);
        return GovernanceCalculator.Compute(nodes, cases, nearMisses, fromUnixUs, toUnixUs, UnixTime.ToUnixUs(clock.GetUtcNow()));
    }
}
