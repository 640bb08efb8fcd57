using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;

namespace Jidoka.Bridge.Audit;

/// <summary>
/// Checks the audit log and names exactly which records were edited, deleted or reordered.
/// </summary>
/// <remarks>
/// Three independent checks, so one kind of tampering does not masquerade as another:
/// each record's hash is recomputed from its content and stored previous hash (a mismatch means that
/// record was edited); sequence numbers must run without gaps and up to the head the store recorded
/// (a gap or a short tail means deletion); and the chain of previous-hash links is walked from the
/// first record, so a record whose place in the chain differs from its sequence number was moved.
/// A record whose link points at a hash no record has marks a deletion just before it (the attacker
/// renumbered to hide the gap) or a predecessor that was edited and re-hashed.
/// Memory: two 8-byte keys per record (a log of 10 million records needs about half a gigabyte).
/// </remarks>
public static class AuditVerifier
{
    private const int PageSize = 5000;

    /// <summary>Reads the whole log from <paramref name="store"/> and verifies it.</summary>
    public static async Task<AuditVerification> VerifyAsync(IBridgeStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var records = new List<AuditRecord>();
        long after = 0;
        while (true)
        {
            IReadOnlyList<AuditRecord> page = await store.ReadAuditAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            records.AddRange(page);

            after = page[^1].Seq;
        }

        AuditHead? head = await store.GetAuditHeadAsync(cancellationToken).ConfigureAwait(false);
        return Verify(records, head);
    }

    /// <summary>Verifies <paramref name="records"/> (in sequence order) against the recorded <paramref name="head"/>.</summary>
    public static AuditVerification Verify(IReadOnlyList<AuditRecord> records, AuditHead? head)
    {
        ArgumentNullException.ThrowIfNull(records);
        var findings = new List<AuditFinding>();
        var edited = new HashSet<long>();
        var gapBefore = new HashSet<long>();
        var hashOwner = new Dictionary<ulong, long>(records.Count);
        var successor = new Dictionary<ulong, long>(records.Count);
        var hashOfSeq = new Dictionary<long, ulong>(records.Count);
        var prevOfSeq = new Dictionary<long, ulong>(records.Count);
        ulong genesis = Prefix(AuditHasher.GenesisHash);

        long expected = 1;
        foreach (AuditRecord record in records)
        {
            if (record.Seq > expected)
            {
                findings.Add(new AuditFinding(expected, AuditFindingKind.Deleted, Missing(expected, record.Seq - 1)));
                gapBefore.Add(record.Seq);
            }

            expected = record.Seq + 1;
            if (!AuditHasher.IsWellFormed(record.Hash) || !AuditHasher.IsWellFormed(record.PrevHash)
                || !string.Equals(AuditHasher.Compute(record.PrevHash, record.Entry), record.Hash, StringComparison.OrdinalIgnoreCase))
            {
                edited.Add(record.Seq);
                findings.Add(new AuditFinding(record.Seq, AuditFindingKind.Edited, $"Record {record.Seq} was edited: its content does not match its hash."));
                continue;
            }

            ulong hash = Prefix(record.Hash);
            ulong prev = Prefix(record.PrevHash);
            hashOwner.TryAdd(hash, record.Seq);
            successor.TryAdd(prev, record.Seq);
            hashOfSeq[record.Seq] = hash;
            prevOfSeq[record.Seq] = prev;
        }

        // Walk the chain from every segment start: the genesis record, and records whose predecessor
        // is not in the log (anchored at their own sequence, since nothing says where they belong).
        var position = new Dictionary<long, long>(records.Count);
        foreach (AuditRecord record in records)
        {
            if (!prevOfSeq.TryGetValue(record.Seq, out ulong prev))
            {
                continue;
            }

            bool isGenesis = prev == genesis;
            if (!isGenesis && hashOwner.ContainsKey(prev))
            {
                continue;
            }

            if (!isGenesis && !gapBefore.Contains(record.Seq) && !edited.Contains(record.Seq - 1))
            {
                findings.Add(new AuditFinding(
                    record.Seq,
                    AuditFindingKind.Deleted,
                    $"The record before {record.Seq} is missing or was replaced: record {record.Seq} links to a hash no record has."));
            }

            long pos = isGenesis ? 1 : record.Seq;
            long seq = record.Seq;
            while (!position.ContainsKey(seq))
            {
                position[seq] = pos;
                if (!successor.TryGetValue(hashOfSeq[seq], out long next))
                {
                    break;
                }

                seq = next;
                pos++;
            }
        }

        foreach (AuditRecord record in records)
        {
            if (position.TryGetValue(record.Seq, out long pos) && pos != record.Seq)
            {
                findings.Add(new AuditFinding(
                    record.Seq,
                    AuditFindingKind.Reordered,
                    $"Record {record.Seq} was moved: the chain places it at {pos}."));
            }
        }

        long lastSeq = records.Count == 0 ? 0 : records[^1].Seq;
        string lastHash = records.Count == 0 ? AuditHasher.GenesisHash : records[^1].Hash;
        if (head != null && head.Seq > lastSeq)
        {
            findings.Add(new AuditFinding(lastSeq + 1, AuditFindingKind.Deleted, Missing(lastSeq + 1, head.Seq) + " (the tail of the log)"));
        }
        else if (head != null && head.Seq == lastSeq && !string.Equals(head.Hash, lastHash, StringComparison.OrdinalIgnoreCase) && !edited.Contains(lastSeq))
        {
            findings.Add(new AuditFinding(lastSeq, AuditFindingKind.Edited, $"Record {lastSeq} was replaced: it differs from the head recorded when it was written."));
        }

        findings.Sort((a, b) => a.Seq != b.Seq ? a.Seq.CompareTo(b.Seq) : a.Kind.CompareTo(b.Kind));
        return new AuditVerification(records.Count, findings, lastSeq, lastHash);
    }

    private static string Missing(long from, long to) =>
        from == to
            ? $"Record {from} was deleted."
            : $"Records {from.ToString(CultureInfo.InvariantCulture)} to {to.ToString(CultureInfo.InvariantCulture)} were deleted.";

    private static ulong Prefix(string hex) =>
        hex.Length >= 16 && ulong.TryParse(hex.AsSpan(0, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong value) ? value : 0;
}
