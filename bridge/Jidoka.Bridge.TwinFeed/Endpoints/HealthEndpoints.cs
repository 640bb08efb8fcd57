using System;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.TwinFeed.Endpoints;

/// <summary>
/// GET /healthz (the process answers) and GET /readyz (the store answers a read and the bridge is
/// connected to its MQTT broker; 503 otherwise) for orchestrators and load balancers.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Liveness path.</summary>
    public const string LivePath = "/healthz";

    /// <summary>Readiness path.</summary>
    public const string ReadyPath = "/readyz";

    /// <summary>Maps both endpoints on <paramref name="app"/> (outside /api/v1: orchestrators expect them at the root).</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(LivePath, () => TypedResults.Text("ok\n", "text/plain"))
            .WithName("Live")
            .WithTags("health")
            .WithSummary("Liveness: the bridge process answers (200 'ok')")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain");
        app.MapGet(ReadyPath, ReadyAsync)
            .WithName("Ready")
            .WithTags("health")
            .WithSummary("Readiness: the store answers a read and the bridge is connected to its MQTT broker (200), or why not (503)")
            .WithDescription("JSON {ready, store, broker, detail}: store 'open' or 'failed', broker 'connected' or 'disconnected'.")
            .Produces<ReadinessView>()
            .Produces<ReadinessView>(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ReadyAsync(HttpContext context, IBridgeStore store, IMessagePublisher broker, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        string storeState = "open";
        string detail = "";
        try
        {
            // A real read through the same connection the ingest uses, not a flag: a store that cannot read cannot store either.
            await store.GetAuditHeadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or ObjectDisposedException or System.IO.IOException)
        {
            storeState = "failed";
            detail = "The store cannot be read: " + ex.Message;
            loggers.CreateLogger(typeof(HealthEndpoints)).LogWarning("Readiness: {Detail}", detail);
        }

        bool connected = broker.IsConnected;
        if (!connected)
        {
            detail = (detail.Length == 0 ? "" : detail + " ") + "The bridge is not connected to its MQTT broker.";
        }

        var view = new ReadinessView(storeState == "open" && connected, storeState, connected ? "connected" : "disconnected", detail);
        context.Response.Headers.CacheControl = "no-store";
        return view.Ready ? TypedResults.Ok(view) : TypedResults.Json(view, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>The answer of GET /readyz.</summary>
/// <param name="Ready">True when both parts are ready.</param>
/// <param name="Store">"open" or "failed".</param>
/// <param name="Broker">"connected" or "disconnected".</param>
/// <param name="Detail">Why not ready; empty when ready.</param>
public sealed record ReadinessView(bool Ready, string Store, string Broker, string Detail);
