using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Jidoka.Bridge.TwinFeed.Stream;

/// <summary>Writes the text/event-stream format (one message: "id:", "event:", "data:" lines and a blank line).</summary>
public static class SseWriter
{
    /// <summary>Sets the headers of an event stream and tells clients to wait 2 s before reconnecting.</summary>
    public static async Task StartAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync("retry: 2000\n\n", cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one message (not flushed). The JSON is one line, so it fits one "data:" field.</summary>
    public static Task WriteAsync(HttpResponse response, FeedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder(message.Json.Length + 48);
        if (message.Id > 0)
        {
            text.Append("id: ").Append(message.Id).Append('\n');
        }

        text.Append("event: ").Append(message.Type).Append('\n');
        text.Append("data: ").Append(message.Json).Append("\n\n");
        return response.WriteAsync(text.ToString(), cancellationToken);
    }

    /// <summary>Writes a comment line that keeps an idle connection open (clients ignore it).</summary>
    public static Task WriteKeepAliveAsync(HttpResponse response, CancellationToken cancellationToken) =>
        response.WriteAsync(": keep-alive\n\n", cancellationToken);
}
