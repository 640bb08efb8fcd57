using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Protocol;

namespace Jidoka.Hil.RealTime;

/// <summary>
/// Sends a scenario's operator commands to the bridge process the way a technician's tool does: through
/// its HTTP twin feed (<c>POST /api/v1/nodes/{id}/reset</c> and <c>/policy</c>). Commands are sent with
/// <c>waitMs=0</c>, so the timeline is not held up by the node's answer; the answer is judged afterwards
/// from the node's truth and the bridge's store, as in the deterministic mode.
/// </summary>
public sealed class BridgeCommandClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates the client for the bridge at <paramref name="baseUrl"/> (http://127.0.0.1:port).</summary>
    public BridgeCommandClient(string baseUrl)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Asks the bridge to reset <paramref name="nodeId"/>; null when sent, else why the bridge refused.</summary>
    public Task<BridgeRefusal?> ResetAsync(string nodeId, string operatorId, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/nodes/{nodeId}/reset?waitMs=0", new ResetRequest { Operator = operatorId }, cancellationToken);

    /// <summary>Asks the bridge to send <paramref name="policy"/> to <paramref name="nodeId"/>; null when sent, else why the bridge refused.</summary>
    public Task<BridgeRefusal?> ApplyPolicyAsync(string nodeId, PolicyRecord policy, string operatorId, bool changeover, CancellationToken cancellationToken) =>
        PostAsync(
            $"api/v1/nodes/{nodeId}/policy?waitMs=0",
            new PolicyApplyRequest { Operator = operatorId, Changeover = changeover, Policy = PolicyFile.ToDocument(policy) },
            cancellationToken);

    /// <summary>Node ids the bridge lists as online now (empty while it is unreachable).</summary>
    public async Task<IReadOnlyList<string>> OnlineNodesAsync(CancellationToken cancellationToken)
    {
        try
        {
            List<NodeView>? nodes = await _http.GetFromJsonAsync<List<NodeView>>("api/v1/nodes", TwinJson.Options, cancellationToken).ConfigureAwait(false);
            return nodes?.Where(n => n.Online).Select(n => n.NodeId).ToList() ?? new List<string>();
        }
        catch (HttpRequestException)
        {
            return Array.Empty<string>();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private async Task<BridgeRefusal?> PostAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        try
        {
            using HttpResponseMessage response = await _http.PostAsJsonAsync(path, body, TwinJson.Options, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            // A refusal is a problem-details answer: its type names the reason (urn:jidoka:problem:…).
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            (string type, string detail) = Problem(text);
            return new BridgeRefusal(type.Length > 0 ? type : "http-" + (int)response.StatusCode, $"HTTP {(int)response.StatusCode}: {detail}");
        }
        catch (HttpRequestException ex)
        {
            return new BridgeRefusal("unreachable", ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new BridgeRefusal("timeout", $"no answer within {_http.Timeout.TotalSeconds} s");
        }
    }

    private static (string Type, string Detail) Problem(string problemJson)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(problemJson);
            JsonElement root = doc.RootElement;
            string type = root.TryGetProperty("type", out JsonElement t) ? t.GetString() ?? "" : "";
            string detail = root.TryGetProperty("detail", out JsonElement d) ? d.GetString() ?? "" : "";
            return (type, detail);
        }
        catch (JsonException)
        {
            return ("", problemJson.Length > 200 ? problemJson[..200] : problemJson);
        }
    }
}
