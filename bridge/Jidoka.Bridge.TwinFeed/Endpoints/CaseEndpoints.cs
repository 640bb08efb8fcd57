using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TwinFeed.Http;
using Jidoka.Bridge.TwinFeed.Views;
using Jidoka.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jidoka.Bridge.TwinFeed.Endpoints;

/// <summary>GET /api/v1/cases and /api/v1/cases/{caseId}.</summary>
public static class CaseEndpoints
{
    /// <summary>Most cases one request returns.</summary>
    public const int MaxCases = 10000;

    /// <summary>Maps the endpoints on <paramref name="api"/>.</summary>
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/cases", ListAsync)
            .WithName("ListCases")
            .WithSummary("Exception cases, newest first")
            .WithDescription("One case per trip. Filters combine: node, cause (the rule that fired), status, and a range on the trip's wall-clock time.")
            .Produces<IReadOnlyList<CaseSummaryView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/cases/{caseId}", GetAsync)
            .WithName("GetCase")
            .WithSummary("One case with its decision record, sample window and linked near-misses")
            .Produces<CaseDetailView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request,
        IBridgeStore store,
        [Description("Only cases of this node.")] string? node,
        [Description("Only trips of this rule: force-over-limit, vision-low-confidence, vision-stale, interlock-open, channel-discrepancy, sensor-fault, loop-overrun.")] string? cause,
        [Description("Only cases in this state: open, reset, recovered.")] string? status,
        [Description("Only trips at or after this time: ISO 8601 (2025-03-01T10:00:00Z) or Unix µs.")] string? from,
        [Description("Only trips at or before this time: ISO 8601 or Unix µs.")] string? to,
        [Description("Most cases to return, 1..10000. Default 100.")] string? limit,
        CancellationToken cancellationToken)
    {
        var q = new QueryReader(request.Query, "node", "cause", "status", "from", "to", "limit");
        var query = new CaseQuery(
            NodeId: q.Id("node", node),
            Rule: q.Cause("cause", cause),
            FromUnixUs: q.Time("from", from),
            ToUnixUs: q.Time("to", to),
            Status: q.Status("status", status),
            Limit: q.Int("limit", limit, 1, MaxCases, 100));
        q.Order(query.FromUnixUs, query.ToUnixUs);
        if (q.Problem is { } problem)
        {
            return problem;
        }

        IReadOnlyList<CaseRecord> cases = await store.QueryCasesAsync(query, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(cases.Select(CaseViews.Summary).ToList());
    }

    private static async Task<IResult> GetAsync(HttpRequest request, IBridgeStore store, string caseId, CancellationToken cancellationToken)
    {
        var q = new QueryReader(request.Query);
        if (!long.TryParse(caseId, NumberStyles.None, CultureInfo.InvariantCulture, out long id) || id < 1)
        {
            q.Fail("caseId", $"'{caseId}' is not a case id (an integer, 1 or more).");
        }

        if (q.Problem is { } problem)
        {
            return problem;
        }

        CaseRecord? record = await store.GetCaseAsync(id, cancellationToken).ConfigureAwait(false);
        if (record == null)
        {
            return Problems.UnknownCase(id);
        }

        IReadOnlyList<SampleRecord> window = await store.GetSamplesAsync(record.NodeId, record.BootId, record.WindowFromMonoUs, record.WindowToMonoUs, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<EventRecord> nearMisses = await store.GetCaseNearMissesAsync(record.CaseId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(CaseViews.Detail(record, window, nearMisses));
    }
}
