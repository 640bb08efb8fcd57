using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TwinFeed.Http;
using Jidoka.Bridge.TwinFeed.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jidoka.Bridge.TwinFeed.Endpoints;

/// <summary>GET /api/v1/events.</summary>
public static class EventEndpoints
{
    /// <summary>Most events one request returns.</summary>
    public const int MaxEvents = 10000;

    /// <summary>Maps the endpoint on <paramref name="api"/>.</summary>
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/events", ListAsync)
            .WithName("ListEvents")
            .WithSummary("Stored node events, newest first")
            .WithDescription("Trips, resets, near-misses, policy and calibration changes... with their decision records. Filters combine.")
            .Produces<IReadOnlyList<EventView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request,
        IBridgeStore store,
        [Description("Only events of this node.")] string? node,
        [Description("Only events of this type: trip, reset, reset-refused, near-miss, discrepancy, sensor-fault, policy-applied, ... (docs/protocol.md).")] string? type,
        [Description("Only events at or after this time: ISO 8601 or Unix µs.")] string? from,
        [Description("Only events at or before this time: ISO 8601 or Unix µs.")] string? to,
        [Description("Most events to return, 1..10000. Default 100.")] string? limit,
        CancellationToken cancellationToken)
    {
        var q = new QueryReader(request.Query, "node", "type", "from", "to", "limit");
        var query = new EventQuery(
            NodeId: q.Id("node", node),
            Type: q.EventType("type", type),
            FromUnixUs: q.Time("from", from),
            ToUnixUs: q.Time("to", to),
            Limit: q.Int("limit", limit, 1, MaxEvents, 100));
        q.Order(query.FromUnixUs, query.ToUnixUs);
        if (q.Problem is { } problem)
        {
            return problem;
        }

        IReadOnlyList<EventRecord> events = await store.QueryEventsAsync(query, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(events.Select(EventViews.Event).ToList());
    }
}
