using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TwinFeed.Http;
using Jidoka.Bridge.TwinFeed.Views;
using Jidoka.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jidoka.Bridge.TwinFeed.Endpoints;

/// <summary>GET /api/v1/nodes, /api/v1/nodes/{nodeId}, /api/v1/nodes/{nodeId}/frames.</summary>
public static class NodeEndpoints
{
    /// <summary>Most frames one request returns.</summary>
    public const int MaxFrames = 10000;

    /// <summary>Default time range of a frames request without "from": this long before "to", µs.</summary>
    public const long DefaultFrameRangeUs = 60_000_000;

    /// <summary>Maps the endpoints on <paramref name="api"/>.</summary>
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/nodes", ListAsync)
            .WithName("ListNodes")
            .WithSummary("Every node with its current state")
            .WithDescription("Online, trip state and cause, response class, active and staged policy, calibration tags, time quality, the newest stored sample (lastValues) and ingest counts, by node id.")
            .Produces<IReadOnlyList<NodeView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/nodes/{nodeId}", GetAsync)
            .WithName("GetNode")
            .WithSummary("One node with its current state")
            .Produces<NodeView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/nodes/{nodeId}/frames", FramesAsync)
            .WithName("GetFrames")
            .WithSummary("Stored frames of one node in a wall-clock range, oldest first")
            .WithDescription("A frame is returned when any of its samples lies in [from, to]. Without 'to' the range ends now; without 'from' it starts 60 s before 'to'.")
            .Produces<IReadOnlyList<FrameView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request,
        NodeDirectory directory,
        IBridgeStore store,
        TimeProvider clock,
        [Description("Only nodes of this cell.")] string? cell,
        CancellationToken cancellationToken)
    {
        var q = new QueryReader(request.Query, "cell");
        string? cellId = q.Id("cell", cell);
        if (q.Problem is { } problem)
        {
            return problem;
        }

        DateTimeOffset now = clock.GetUtcNow();
        var views = new List<NodeView>();
        foreach (NodeRecord node in directory.Snapshot().Where(n => cellId == null || n.CellId == cellId))
        {
            views.Add(await ViewAsync(node, directory, store, now, cancellationToken).ConfigureAwait(false));
        }

        return TypedResults.Ok(views);
    }

    private static async Task<IResult> GetAsync(HttpRequest request, NodeDirectory directory, IBridgeStore store, TimeProvider clock, string nodeId, CancellationToken cancellationToken)
    {
        var q = new QueryReader(request.Query);
        NodeRecord? node = Find(q, directory, nodeId, out IResult? refusal);
        if (node == null)
        {
            return refusal!;
        }

        return TypedResults.Ok(await ViewAsync(node, directory, store, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IResult> FramesAsync(
        HttpRequest request,
        NodeDirectory directory,
        IBridgeStore store,
        TimeProvider clock,
        string nodeId,
        [Description("Range start: ISO 8601 time (2025-03-01T10:00:00Z) or Unix µs. Default: 60 s before 'to'.")] string? from,
        [Description("Range end: ISO 8601 time or Unix µs. Default: now.")] string? to,
        [Description("Most frames to return, 1..10000. Default 1000.")] string? limit,
        CancellationToken cancellationToken)
    {
        var q = new QueryReader(request.Query, "from", "to", "limit");
        long? fromUs = q.Time("from", from);
        long? toUs = q.Time("to", to);
        int max = q.Int("limit", limit, 1, MaxFrames, 1000);
        long end = toUs ?? UnixTime.ToUnixUs(clock.GetUtcNow());
        long start = fromUs ?? end - DefaultFrameRangeUs;
        q.Order(start, end);
        NodeRecord? node = Find(q, directory, nodeId, out IResult? refusal);
        if (node == null)
        {
            return refusal!;
        }

        IReadOnlyList<FrameRecord> frames = await store.QueryFramesAsync(new FrameQuery(node.NodeId, start, end, max), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(frames.Select(FrameViews.Frame).ToList());
    }

    /// <summary>The node named by a path parameter, or the 400/404 answer.</summary>
    internal static NodeRecord? Find(QueryReader q, NodeDirectory directory, string nodeId, out IResult? refusal)
    {
        if (!Identifiers.IsValidId(nodeId))
        {
            q.Fail("nodeId", $"'{nodeId}' is not a node id (1-16 of a-z, 0-9, '-', '_').");
        }

        if (q.Problem is { } problem)
        {
            refusal = problem;
            return null;
        }

        if (!directory.TryGet(nodeId, out NodeRecord node))
        {
            refusal = Problems.UnknownNode(nodeId);
            return null;
        }

        refusal = null;
        return node;
    }

    private static async Task<NodeView> ViewAsync(NodeRecord node, NodeDirectory directory, IBridgeStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        FrameRecord? last = node.BootId == 0 ? null : await store.GetLatestFrameAsync(node.NodeId, node.BootId, cancellationToken).ConfigureAwait(false);
        return NodeViews.Node(node, directory.IsOnline(node, now), last);
    }
}
