using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.TwinFeed.Http;
using Jidoka.Bridge.TwinFeed.Stream;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Jidoka.Bridge.TwinFeed.Endpoints;

/// <summary>GET /api/v1/stream: the live Server-Sent Events stream of node state changes, events and cases.</summary>
public static class StreamEndpoints
{
    /// <summary>Maps the endpoint on <paramref name="api"/>.</summary>
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/stream", StreamAsync)
            .WithName("LiveStream")
            .WithSummary("Live stream (Server-Sent Events) of node state changes, stored events and case updates")
            .WithDescription("text/event-stream. On connect, one 'node' message per node (current state, no id); then, as the bridge commits them, 'event' (EventView), 'case' (CaseSummaryView) and 'node' (NodeView, sent only when the state a twin acts on changed) messages with increasing ids. A keep-alive comment is sent when idle. A client that reconnects with the Last-Event-ID header (or lastEventId) gets the messages it missed, then the live ones, and no snapshot; when the bridge no longer holds them (restarted, or more than Bridge:Http:StreamReplayMessages ago) it gets one 'resync' message and the snapshot. A client that falls too far behind gets one 'overflow' message and the stream ends: reconnect with Last-Event-ID.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> StreamAsync(
        HttpContext context,
        TwinFeedHub hub,
        TwinFeedOptions options,
        IHostApplicationLifetime lifetime,
        TimeProvider clock,
        [Description("Only messages about this node.")] string? node,
        [Description("Only messages about nodes of this cell.")] string? cell,
        [Description("Send the current state of every (matching) node first: true (default) or false. Not sent when a resume succeeds.")] string? snapshot,
        [Description("Resume after this message id (for clients that cannot set the Last-Event-ID header, which takes precedence).")] string? lastEventId)
    {
        var q = new QueryReader(context.Request.Query, "node", "cell", "snapshot", "lastEventId");
        string? nodeId = q.Id("node", node);
        string? cellId = q.Id("cell", cell);
        bool sendSnapshot = q.Bool("snapshot", snapshot, true);
        string? resumeText = context.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } header ? header : lastEventId;
        long? resumeAfter = q.MessageId("lastEventId", resumeText);
        if (q.Problem is { } problem)
        {
            return problem;
        }

        // The stream ends when the client goes or the bridge stops; otherwise a shutdown would wait
        // for every open stream.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        CancellationToken token = ended.Token;
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using FeedSubscription subscription = hub.Subscribe(nodeId, cellId, options.StreamQueueMessages, resumeAfter, out IReadOnlyList<FeedMessage>? missed, out string reason);
        try
        {
            await SseWriter.StartAsync(context.Response, token).ConfigureAwait(false);
            if (missed != null)
            {
                // Resumed: what the client missed, then the live messages; its state is continuous, no snapshot.
                foreach (FeedMessage message in missed)
                {
                    if (subscription.Accepts(message))
                    {
                        await SseWriter.WriteAsync(context.Response, message, token).ConfigureAwait(false);
                    }
                }

                await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
            }
            else if (resumeAfter is long last)
            {
                string data = JsonSerializer.Serialize(new { reason, lastEventId = last }, TwinJson.Options);
                await SseWriter.WriteAsync(context.Response, new FeedMessage(0, StreamMessageTypes.Resync, "", "", data), token).ConfigureAwait(false);
            }

            if (missed == null && sendSnapshot)
            {
                foreach (FeedMessage message in hub.Snapshot())
                {
                    if (subscription.Accepts(message))
                    {
                        await SseWriter.WriteAsync(context.Response, message, token).ConfigureAwait(false);
                    }
                }

                await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
            }

            await PumpAsync(context.Response, subscription, TimeSpan.FromSeconds(options.StreamHeartbeatSeconds), clock, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.IO.IOException)
        {
            // The client went away or the bridge is stopping: a normal end of a stream.
        }

        return Results.Empty;
    }

    private static async Task PumpAsync(HttpResponse response, FeedSubscription subscription, TimeSpan heartbeat, TimeProvider clock, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            bool more;
            using (var idle = new CancellationTokenSource(heartbeat, clock))
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(token, idle.Token))
            {
                try
                {
                    more = await subscription.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    await SseWriter.WriteKeepAliveAsync(response, token).ConfigureAwait(false);
                    await response.Body.FlushAsync(token).ConfigureAwait(false);
                    continue;
                }
            }

            if (!more)
            {
                if (subscription.Overflowed)
                {
                    await SseWriter.WriteAsync(response, new FeedMessage(0, StreamMessageTypes.Overflow, "", "", "{\"reason\":\"the client fell behind; reconnect with Last-Event-ID to get the rest\"}"), token).ConfigureAwait(false);
                    await response.Body.FlushAsync(token).ConfigureAwait(false);
                }

                return;
            }

            while (subscription.Reader.TryRead(out FeedMessage? message))
            {
                await SseWriter.WriteAsync(response, message, token).ConfigureAwait(false);
            }

            await response.Body.FlushAsync(token).ConfigureAwait(false);
        }
    }
}
