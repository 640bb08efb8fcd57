using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>GET /api/v1/audit/verify: intact logs say so; an edited record is named.</summary>
public sealed class AuditEndpointTests
{
    [Fact]
    public async Task Verification_reports_an_intact_log_and_then_the_record_someone_edited()
    {
        using var dir = new TempDir();
        string file = dir.File("bridge.db");
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(file);
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-31");
        await Scenario.TripAsync(node, 51, 1_000_000);

        AuditVerificationView intact = await bridge.GetAsync<AuditVerificationView>("/api/v1/audit/verify");
        Assert.True(intact.Intact);
        Assert.Empty(intact.Findings);
        Assert.True(intact.RecordsChecked >= 2, "bridge-start and the trip's event entry");
        Assert.Equal(intact.RecordsChecked, intact.HeadSeq);
        Assert.Equal(64, intact.HeadHash.Length);

        Db.Execute(file, "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'someone-else' WHERE seq = 2");
        AuditVerificationView tampered = await bridge.GetAsync<AuditVerificationView>("/api/v1/audit/verify");
        Assert.False(tampered.Intact);
        AuditFindingView finding = Assert.Single(tampered.Findings);
        Assert.Equal(2, finding.Seq);
        Assert.Equal("edited", finding.Kind);
    }
}
