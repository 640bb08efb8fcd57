using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

using Jidoka.Bridge.TestKit;

namespace Jidoka.Bridge.TwinFeed.Tests.Support;

/// <summary>Reads a Server-Sent Events stream message by message, as a twin would.</summary>
public sealed class SseClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseClient(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    public static async Task<SseClient> OpenAsync(HttpClient http, string path, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId != null)
        {
            // What a browser's EventSource sends when it reconnects.
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        return new SseClient(response, reader);
    }

    /// <summary>The next message (comments and the retry field skipped), or throws after <paramref name="timeout"/>.</summary>
    public async Task<SseMessage> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? Eventually.DefaultTimeout);
        string? id = null;
        string? type = null;
        var data = new StringBuilder();
        while (true)
        {
            string? line = await _reader.ReadLineAsync(cancel.Token) ?? throw new EndOfStreamException("The stream ended.");
            if (line.Length == 0)
            {
                if (type != null || data.Length > 0)
                {
                    return new SseMessage(id, type ?? "message", data.ToString());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string field = colon < 0 ? line : line[..colon];
            string value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    type = value;
                    break;
                case "data":
                    data.Append(value);
                    break;
            }
        }
    }

    /// <summary>Skips messages until one matches, or throws after <paramref name="timeout"/>.</summary>
    public async Task<SseMessage> NextMatchingAsync(Func<SseMessage, bool> match, string what, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? Eventually.DefaultTimeout);
        while (true)
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("No stream message: " + what);
            }

            SseMessage message = await NextAsync(left);
            if (match(message))
            {
                return message;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed record SseMessage(string? Id, string Type, string Data)
{
    public T Read<T>() => System.Text.Json.JsonSerializer.Deserialize<T>(Data, Jidoka.Bridge.Contracts.TwinJson.Options)!;
}
