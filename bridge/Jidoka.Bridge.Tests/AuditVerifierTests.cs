using System.Collections.Generic;
using System.Linq;
using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Storage;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>The verifier on hand-built chains, including a forger who re-hashes what they edit.</summary>
public sealed class AuditVerifierTests
{
    [Fact]
    public void A_rehashed_edit_is_caught_at_the_next_link()
    {
        List<AuditRecord> log = Chain(6);
        AuditEntry forged = log[2].Entry with { Details = "forged" };
        log[2] = log[2] with { Entry = forged, Hash = AuditHasher.Compute(log[2].PrevHash, forged) };

        AuditVerification result = AuditVerifier.Verify(log, new AuditHead(6, log[^1].Hash));
        AuditFinding finding = Assert.Single(result.Findings);
        Assert.Equal(4, finding.Seq);
        Assert.Equal(AuditFindingKind.Deleted, finding.Kind);
    }

    [Fact]
    public void An_intact_chain_verifies()
    {
        List<AuditRecord> log = Chain(20);
        AuditVerification result = AuditVerifier.Verify(log, new AuditHead(20, log[^1].Hash));
        Assert.True(result.IsIntact);
        Assert.Equal(20, result.RecordsChecked);
        Assert.Equal(log[^1].Hash, result.HeadHash);
    }

    [Fact]
    public void A_record_moved_far_away_is_reported_with_its_place_in_the_chain()
    {
        List<AuditRecord> log = Chain(8);
        AuditRecord moved = log[1];
        log.RemoveAt(1);
        log.Insert(6, moved);
        List<AuditRecord> renumbered = log.Select((r, i) => r with { Seq = i + 1 }).ToList();

        IReadOnlyList<AuditFinding> findings = AuditVerifier.Verify(renumbered, new AuditHead(8, log[^1].Hash)).Findings;
        Assert.All(findings, f => Assert.Equal(AuditFindingKind.Reordered, f.Kind));
        Assert.Equal(new long[] { 2, 3, 4, 5, 6, 7 }, findings.Select(f => f.Seq));
    }

    private static List<AuditRecord> Chain(int count)
    {
        var log = new List<AuditRecord>();
        string prev = AuditHasher.GenesisHash;
        for (int i = 1; i <= count; i++)
        {
            var entry = new AuditEntry { RecordedUnixUs = i, Kind = AuditKinds.Event, NodeId = "n1", Actor = "node", Subject = "event/" + i, Details = "x=" + i };
            string hash = AuditHasher.Compute(prev, entry);
            log.Add(new AuditRecord { Seq = i, Entry = entry, PrevHash = prev, Hash = hash });
            prev = hash;
        }

        return log;
    }
}
