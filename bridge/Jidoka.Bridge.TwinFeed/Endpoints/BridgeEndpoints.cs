using System;
using System.Linq;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jidoka.Bridge.TwinFeed.Endpoints;

/// <summary>GET /api/v1/bridge: the bridge's own broker connection, which says how far the node states can be trusted.</summary>
public static class BridgeEndpoints
{
    /// <summary>Maps the endpoint on <paramref name="api"/>.</summary>
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/bridge", Get)
            .WithName("GetBridge")
            .WithSummary("The bridge's own state")
            .WithDescription("Whether the bridge is connected to its MQTT broker (while it is not, node states are as last heard and commands answer 503 not-connected), and how many nodes it knows and holds online.")
            .Produces<BridgeStatusView>();
    }

    private static IResult Get(BridgeOptions options, IMessagePublisher connection, NodeDirectory directory, TimeProvider clock)
    {
        DateTimeOffset now = clock.GetUtcNow();
        var nodes = directory.Snapshot();
        return TypedResults.Ok(new BridgeStatusView
        {
            HostId = options.HostId,
            BrokerConnected = connection.IsConnected,
            Nodes = nodes.Count,
            NodesOnline = nodes.Count(n => directory.IsOnline(n, now)),
        });
    }
}
