using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Ingest;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// What happens at the cell, on the console at information level: every stored trip (cause, values,
/// response, time to safe state), reset and refused reset, and each case as it opens, is reset and
/// recovers. Follows the ingest engine's commits, so a line means the record is stored.
/// </summary>
public sealed class CellActivityLog : IHostedService
{
    private const int CasesRemembered = 10_000;
    private readonly IngestEngine _engine;
    private readonly ILogger _logger;
    private readonly Dictionary<long, CaseStatus> _caseStatus = new();
    private readonly Queue<long> _caseOrder = new();

    /// <summary>Creates the log (dependency injection).</summary>
    public CellActivityLog(IngestEngine engine, ILogger<CellActivityLog> logger)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _engine.Committed += OnCommitted;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _engine.Committed -= OnCommitted;
        return Task.CompletedTask;
    }

    private void OnCommitted(BatchCommitted batch)
    {
        // On the ingest thread after the commit: a logging failure must not reach the ingest path.
        try
        {
            foreach (EventRecord e in batch.Events)
            {
                LogEvent(e);
            }

            foreach (CaseRecord c in batch.Cases)
            {
                LogCase(c);
            }
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            _logger.LogDebug(ex, "A cell activity line could not be written.");
        }
    }

    private void LogEvent(EventRecord e)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        DecisionRecord r = e.Record;
        string replayed = e.Historical ? " (replayed after an outage)" : "";
        switch (e.Type)
        {
            case EventType.Trip:
                _logger.LogInformation(
                    "TRIP {Node}: {Cause} on {Channel} (observed {Observed}, limit {Limit}), response {Response}, stop output off {LatencyUs} µs after detection; event {EventId}{Replayed}.",
                    e.NodeId, TripRuleNames.Name(r.Rule), InputChannelNames.Name(r.Channel), r.ObservedValue, r.LimitValue, ResponseClassNames.Name(r.Response), r.LatencyUs, e.EventId, replayed);
                break;
            case EventType.Reset:
                _logger.LogInformation("RESET {Node} by {Operator}; event {EventId}{Replayed}.", e.NodeId, r.OperatorId.Length == 0 ? "the local button" : r.OperatorId, e.EventId, replayed);
                break;
            case EventType.ResetRefused:
                _logger.LogInformation("Reset of {Node} refused by the node (the cause is still present); event {EventId}{Replayed}.", e.NodeId, e.EventId, replayed);
                break;
        }
    }

    private void LogCase(CaseRecord c)
    {
        // A batch carries each case at its latest state, which may be several steps on from the last one logged.
        CaseStatus before = _caseStatus.TryGetValue(c.CaseId, out CaseStatus known) ? known : 0;
        if (before >= c.Status)
        {
            return;
        }

        Remember(c.CaseId, c.Status);
        if (before < CaseStatus.Open)
        {
            _logger.LogInformation("CASE {CaseId} opened: {Node} in {Cell}, {Cause} ({Response}), policy {PolicyId}.", c.CaseId, c.NodeId, c.CellId, TripRuleNames.Name(c.Decision.Rule), ResponseClassNames.Name(c.Response), c.Provenance.PolicyId);
        }

        if (before < CaseStatus.Reset && c.Status >= CaseStatus.Reset)
        {
            _logger.LogInformation("CASE {CaseId} reset: {Node} by {By}, {Seconds:0.0} s after the trip.", c.CaseId, c.NodeId, c.ResetBy.Length == 0 ? "the local button" : c.ResetBy, (c.TimeToResetUs ?? 0) / 1e6);
        }

        if (c.Status == CaseStatus.Recovered)
        {
            _logger.LogInformation("CASE {CaseId} recovered: {Node} sent good frames again {Seconds:0.0} s after the trip.", c.CaseId, c.NodeId, (c.TimeToRecoverQualityUs ?? 0) / 1e6);
        }
    }

    private void Remember(long caseId, CaseStatus status)
    {
        if (!_caseStatus.ContainsKey(caseId))
        {
            _caseOrder.Enqueue(caseId);
            if (_caseOrder.Count > CasesRemembered)
            {
                _caseStatus.Remove(_caseOrder.Dequeue());
            }
        }

        _caseStatus[caseId] = status;
    }
}
