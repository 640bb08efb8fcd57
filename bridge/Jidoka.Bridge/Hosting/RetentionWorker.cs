using System;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Hosting;

/// <summary>Deletes frames older than the retention setting once an hour (case windows, events, cases and audit are kept).</summary>
public sealed class RetentionWorker
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private readonly IBridgeStore _store;
    private readonly int _retentionDays;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    /// <summary>Creates the worker; <paramref name="retentionDays"/> 0 disables it.</summary>
    public RetentionWorker(IBridgeStore store, int retentionDays, TimeProvider clock, ILogger<RetentionWorker> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _retentionDays = retentionDays;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_retentionDays == 0)
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                long cutoff = UnixTime.ToUnixUs(_clock.GetUtcNow().AddDays(-_retentionDays));
                long deleted = await _store.PurgeFramesBeforeAsync(cutoff, cancellationToken).ConfigureAwait(false);
                if (deleted > 0)
                {
                    _logger.LogInformation("Retention: deleted {Count} frames older than {Days} days.", deleted, _retentionDays);
                }

                await Task.Delay(Interval, _clock, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Retention failed; retrying in an hour.");
                await Task.Delay(Interval, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
