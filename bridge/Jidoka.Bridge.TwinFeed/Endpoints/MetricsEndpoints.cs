using System;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Governance;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TwinFeed.Http;
using Jidoka.Bridge.TwinFeed.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jidoka.Bridge.TwinFeed.Endpoints;

/// <summary>GET /api/v1/metrics: governance metrics as JSON (the same figures /metrics exports to Prometheus).</summary>
public static class MetricsEndpoints
{
    /// <summary>Maps the endpoint on <paramref name="api"/>.</summary>
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/metrics", GetAsync)
            .WithName("GetGovernanceMetrics")
            .WithSummary("Governance metrics per cell and per node")
            .WithDescription("Trips by cause and response class; mean and p95 (nearest rank) time-to-safe-state, time to reset and time to recover quality; near-misses and near-miss-to-trip ratio; audit completeness (share of trips with a complete decision record); frames lost to gaps and events replayed. 'from'/'to' limit the trips and near-misses counted by their wall-clock time; frames lost and events replayed are totals since each node was first seen.")
            .Produces<GovernanceReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> GetAsync(
        HttpRequest request,
        IBridgeStore store,
        TimeProvider clock,
        [Description("Count trips and near-misses at or after this time: ISO 8601 or Unix µs.")] string? from,
        [Description("Count trips and near-misses at or before this time: ISO 8601 or Unix µs.")] string? to,
        [Description("Only this cell (its figures and its nodes').")] string? cell,
        [Description("Only this node (and its cell's figures).")] string? node,
        CancellationToken cancellationToken)
    {
        var q = new QueryReader(request.Query, "from", "to", "cell", "node");
        long? fromUs = q.Time("from", from);
        long? toUs = q.Time("to", to);
        string? cellId = q.Id("cell", cell);
        string? nodeId = q.Id("node", node);
        q.Order(fromUs, toUs);
        if (q.Problem is { } problem)
        {
            return problem;
        }

        GovernanceReport report = GovernanceViews.Report(await GovernanceReader.ReadAsync(store, fromUs, toUs, clock, cancellationToken).ConfigureAwait(false));
        if (nodeId != null)
        {
            GovernanceFigures? figures = report.Nodes.FirstOrDefault(n => n.NodeId == nodeId);
            if (figures == null)
            {
                return Problems.UnknownNode(nodeId);
            }

            cellId ??= figures.CellId;
        }

        return TypedResults.Ok(report with
        {
            Cells = report.Cells.Where(c => cellId == null || c.CellId == cellId).ToList(),
            Nodes = report.Nodes.Where(n => (cellId == null || n.CellId == cellId) && (nodeId == null || n.NodeId == nodeId)).ToList(),
        });
    }
}
