using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;

namespace Jidoka.Cli.Bridge;

/// <summary>
/// Talks to the bridge's HTTP twin feed. Every failure becomes a <see cref="CliError"/> with one line
/// saying what happened and the exit code for it: unreachable, unknown node or case, refused input.
/// </summary>
public sealed class BridgeClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _baseUri;

    /// <summary>Creates a client for the bridge at <paramref name="baseUrl"/> ("http://localhost:8080"), sending <paramref name="token"/> as a bearer token when given.</summary>
    public BridgeClient(string baseUrl, TimeSpan timeout, string? token = null)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliError(ExitCodes.Usage, $"--bridge '{baseUrl}' is not an http:// or https:// URL.");
        }

        _baseUri = new Uri(uri.GetLeftPart(UriPartial.Authority) + uri.AbsolutePath.TrimEnd('/') + "/");
        _http = new HttpClient { Timeout = timeout };
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>The bridge's base URL.</summary>
    public string BaseUrl => _baseUri.ToString().TrimEnd('/');

    /// <summary>GETs <paramref name="path"/> (relative, "api/v1/nodes") and reads the JSON answer.</summary>
    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(() => _http.GetAsync(new Uri(_baseUri, path), cancellationToken), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POSTs <paramref name="body"/> as JSON to <paramref name="path"/> and reads the JSON answer (2xx).</summary>
    public async Task<T> PostAsync<TBody, T>(string path, TBody body, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(() => _http.PostAsJsonAsync(new Uri(_baseUri, path), body, TwinJson.Options, cancellationToken), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CliError(ExitCodes.Unreachable, $"cannot reach the bridge at {BaseUrl}: {Reason(ex)}. Is it running? (--bridge URL)", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliError(ExitCodes.Unreachable, $"the bridge at {BaseUrl} did not answer within {_http.Timeout.TotalSeconds:0} s.", ex);
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            T? value = await response.Content.ReadFromJsonAsync<T>(TwinJson.Options, cancellationToken).ConfigureAwait(false);
            return value ?? throw new CliError(ExitCodes.Failed, $"the bridge at {BaseUrl} answered with an empty body.");
        }
        catch (JsonException ex)
        {
            throw new CliError(ExitCodes.Failed, $"{BaseUrl} did not answer like a Jidoka bridge ({ex.Message}). Is --bridge the bridge's HTTP address?", ex);
        }
    }

    private async Task<CliError> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string detail = "";
        string type = "";
        try
        {
            ProblemAnswer? problem = await response.Content.ReadFromJsonAsync<ProblemAnswer>(TwinJson.Options, cancellationToken).ConfigureAwait(false);
            detail = problem?.Detail ?? problem?.Title ?? "";
            type = problem?.Type ?? "";
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not a problem-details body (another server on that port?): the status code has to do.
        }

        if (detail.Length == 0)
        {
            detail = $"{(int)response.StatusCode} {response.ReasonPhrase} from {BaseUrl}{response.RequestMessage?.RequestUri?.AbsolutePath}";
        }

        int code = response.StatusCode switch
        {
            HttpStatusCode.NotFound => type.Length == 0 ? ExitCodes.Failed : ExitCodes.NotFound,
            HttpStatusCode.BadRequest => ExitCodes.BadInput,
            HttpStatusCode.Conflict => ExitCodes.Failed,
            HttpStatusCode.ServiceUnavailable => ExitCodes.Unreachable,
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ExitCodes.Denied,
            _ => ExitCodes.Failed,
        };
        return new CliError(code, detail.TrimEnd('.') + ".");
    }

    private static string Reason(HttpRequestException ex) =>
        ex.InnerException is System.Net.Sockets.SocketException socket ? socket.Message : ex.Message;

    private sealed record ProblemAnswer(string? Type, string? Title, string? Detail);
}
