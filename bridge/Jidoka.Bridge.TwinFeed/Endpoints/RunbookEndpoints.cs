using System.Collections.Generic;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.TwinFeed.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jidoka.Bridge.TwinFeed.Endpoints;

/// <summary>GET /api/v1/runbooks: what each trip cause means and what to do, from docs/operations.md.</summary>
public static class RunbookEndpoints
{
    /// <summary>Maps the endpoint on <paramref name="api"/>; the guide is read once, here.</summary>
    public static void Map(IEndpointRouteBuilder api)
    {
        IReadOnlyList<RunbookView> runbooks = RunbookSource.Load();
        api.MapGet("/runbooks", () => TypedResults.Ok(runbooks))
            .WithName("ListRunbooks")
            .WithSummary("The runbook of every trip cause (what the node saw, what to do), as the operations guide words it")
            .Produces<IReadOnlyList<RunbookView>>();
    }
}
