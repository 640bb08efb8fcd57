using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;

namespace Jidoka.Bridge.Audit;

/// <summary>Records bridge starts and stops in the audit log, and notes when the previous run ended without a stop (crash, kill, power cut).</summary>
public static class BridgeLifecycleAudit
{
    private const int TailToSearch = 2000;

    /// <summary>Appends a bridge-start entry for <paramref name="hostId"/>.</summary>
    public static async Task RecordStartAsync(IBridgeStore store, string hostId, string details, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        AuditHead? head = await store.GetAuditHeadAsync(cancellationToken).ConfigureAwait(false);
        bool uncleanStop = false;
        if (head != null)
        {
            IReadOnlyList<AuditRecord> tail = await store.ReadAuditAsync(Math.Max(0, head.Seq - TailToSearch), TailToSearch, cancellationToken).ConfigureAwait(false);
            AuditRecord? last = tail.LastOrDefault(r => r.Entry.Actor == hostId && (r.Entry.Kind == AuditKinds.BridgeStart || r.Entry.Kind == AuditKinds.BridgeStop));
            uncleanStop = last?.Entry.Kind == AuditKinds.BridgeStart;
        }

        await AppendAsync(store, AuditKinds.BridgeStart, hostId, details + ";previousRunEndedWithoutStop=" + (uncleanStop ? "1" : "0"), clock, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends a bridge-stop entry for <paramref name="hostId"/>.</summary>
    public static Task RecordStopAsync(IBridgeStore store, string hostId, string details, TimeProvider clock, CancellationToken cancellationToken) =>
        AppendAsync(store, AuditKinds.BridgeStop, hostId, details, clock, cancellationToken);

    private static Task AppendAsync(IBridgeStore store, string kind, string hostId, string details, TimeProvider clock, CancellationToken cancellationToken)
    {
        var batch = new WriteBatch();
        batch.Audit.Add(new AuditEntry
        {
            RecordedUnixUs = UnixTime.ToUnixUs(clock.GetUtcNow()),
            Kind = kind,
            NodeId = "",
            Actor = hostId,
            Subject = "bridge/" + hostId,
            Details = details,
        });
        return store.WriteAsync(batch, cancellationToken);
    }
}
