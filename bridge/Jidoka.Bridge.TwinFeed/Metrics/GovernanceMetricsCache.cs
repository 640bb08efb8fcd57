using System;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Governance;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TwinFeed.Views;

namespace Jidoka.Bridge.TwinFeed.Metrics;

/// <summary>
/// The all-time governance report the OpenTelemetry instruments read. Observable instruments are read
/// synchronously during a collection, so the scrape endpoint refreshes this (asynchronously, at most
/// once per <see cref="MaxAge"/>) just before the exporter collects.
/// </summary>
public sealed class GovernanceMetricsCache : IDisposable
{
    private readonly IBridgeStore _store;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private GovernanceReport? _latest;
    private long _computedTicks;

    /// <summary>Creates an empty cache.</summary>
    public GovernanceMetricsCache(IBridgeStore store, TimeProvider clock)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>A report this recent is reused by the next scrape instead of recomputed.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    /// <summary>The last report computed, or null before the first scrape.</summary>
    public GovernanceReport? Latest => Volatile.Read(ref _latest);

    /// <summary>Recomputes the report unless the last one is younger than <see cref="MaxAge"/>.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long now = _clock.GetTimestamp();
            if (_latest != null && _clock.GetElapsedTime(Interlocked.Read(ref _computedTicks), now) < MaxAge)
            {
                return;
            }

            GovernanceReport report = GovernanceViews.Report(await GovernanceReader.ReadAsync(_store, null, null, _clock, cancellationToken).ConfigureAwait(false));
            Volatile.Write(ref _latest, report);
            Interlocked.Exchange(ref _computedTicks, now);
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _refresh.Dispose();
}
