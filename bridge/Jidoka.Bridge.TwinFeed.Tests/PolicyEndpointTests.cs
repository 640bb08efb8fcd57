using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>GET /api/v1/policies/{id}: the limits a case was judged by, when the bridge holds them.</summary>
public sealed class PolicyEndpointTests
{
    [Fact]
    public async Task A_stored_policy_is_served_with_its_limits_hash_and_author_and_an_unknown_one_is_a_typed_404()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-21");
        PolicyDocument policy = PolicyFiles.Valid(41);
        using (HttpResponseMessage applied = await bridge.Http.PostAsJsonAsync("/api/v1/nodes/press-21/policy", new PolicyApplyRequest { Operator = "eng-2", Policy = policy }, TwinJson.Options))
        {
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        }

        PolicyVersionView stored = await bridge.GetAsync<PolicyVersionView>("/api/v1/policies/41");
        Assert.Equal(41u, stored.PolicyId);
        Assert.Equal("eng-2", stored.CreatedBy);
        Assert.Equal(PolicyFile.FromDocument(policy).Policy!.ComputeHash().ToString("x8", System.Globalization.CultureInfo.InvariantCulture), stored.PolicyHash);
        Assert.Equal(400_000, stored.Policy.ForceWarnMilliNewtons);
        Assert.Equal(450_000, stored.Policy.ForceLimitMilliNewtons);
        Assert.Equal("maintenance", stored.Policy.Responses!["channel-discrepancy"]);

        using HttpResponseMessage unknown = await bridge.Http.GetAsync("/api/v1/policies/42");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(ProblemTypes.UnknownPolicy, JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
        using HttpResponseMessage bad = await bridge.Http.GetAsync("/api/v1/policies/x");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
