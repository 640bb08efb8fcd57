using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>Every malformed query gets a 400 problem naming the parameter and what it must be; nothing crashes.</summary>
public sealed class BadQueryTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private TestBridge? _bridge;

    public async Task InitializeAsync() => _bridge = await TestBridge.StartWithTwinFeedAsync(_dir.File("bridge.db"));

    public async Task DisposeAsync()
    {
        await _bridge!.DisposeAsync();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("/api/v1/cases?nod=press-01", "nod", "Unknown query parameter 'nod'")]
    [InlineData("/api/v1/cases?from=yesterday", "from", "ISO 8601")]
    [InlineData("/api/v1/cases?to=2025-13-45T00:00:00Z", "to", "ISO 8601")]
    [InlineData("/api/v1/cases?from=2025-06-02&to=2025-06-01", "from", "after 'to'")]
    [InlineData("/api/v1/cases?cause=force-near-miss", "cause", "a rule that trips")]
    [InlineData("/api/v1/cases?cause=fire", "cause", "a rule that trips")]
    [InlineData("/api/v1/cases?status=closed", "status", "open, reset or recovered")]
    [InlineData("/api/v1/cases?limit=0", "limit", "from 1 to 10000")]
    [InlineData("/api/v1/cases?limit=ten", "limit", "from 1 to 10000")]
    [InlineData("/api/v1/cases?node=Press%2001", "node", "must be an id")]
    [InlineData("/api/v1/cases?node=", "node", "is empty")]
    [InlineData("/api/v1/cases?node=a&node=b", "node", "given 2 times")]
    [InlineData("/api/v1/events?type=explosion", "type", "an event type")]
    [InlineData("/api/v1/nodes?cell=CELL", "cell", "must be an id")]
    [InlineData("/api/v1/nodes/press-01/frames?limit=100000", "limit", "from 1 to 10000")]
    [InlineData("/api/v1/metrics?from=soon", "from", "ISO 8601")]
    [InlineData("/api/v1/audit/verify?full=true", "full", "takes none")]
    [InlineData("/api/v1/stream?snapshot=maybe", "snapshot", "true or false")]
    [InlineData("/api/v1/stream?lastEventId=-3", "lastEventId", "non-negative integer")]
    [InlineData("/api/v1/nodes/press-01/reset?waitMs=-1", "waitMs", "from 0 to 30000")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string url, string parameter, string message)
    {
        using HttpResponseMessage response = url.Contains("/reset", System.StringComparison.Ordinal)
            ? await _bridge!.Http.PostAsync(url, new StringContent("{\"operator\":\"op-1\"}", System.Text.Encoding.UTF8, "application/json"))
            : await _bridge!.Http.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(ProblemTypes.BadQuery, problem.GetProperty("type").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(message, problem.GetProperty("detail").GetString(), System.StringComparison.Ordinal);

        // The bridge is still fine afterwards.
        using HttpResponseMessage ok = await _bridge.Http.GetAsync("/api/v1/nodes");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
