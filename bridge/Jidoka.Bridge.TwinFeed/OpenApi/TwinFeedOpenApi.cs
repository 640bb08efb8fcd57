using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Jidoka.Bridge.TwinFeed.OpenApi;

/// <summary>
/// Completes the generated OpenAPI description: the title and how to read it, and the Prometheus
/// scrape endpoint, which is plain middleware the generator does not see.
/// </summary>
public sealed class TwinFeedOpenApi : IOpenApiDocumentTransformer
{
    /// <summary>Where the description is served.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>The Prometheus scrape endpoint's path.</summary>
    public const string ScrapePath = "/metrics";

    /// <summary>What the scrape endpoint is (it is middleware, with no endpoint metadata to carry a summary).</summary>
    public const string ScrapeSummary = "Prometheus scrape endpoint (OpenTelemetry metrics)";

    /// <inheritdoc/>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        System.ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Jidoka bridge twin feed",
            Version = "v1",
            Description = "Current node state, exception cases with decision records, frames, events, audit verification, "
                + "commands, governance metrics and a live Server-Sent Events stream (docs/twin-feed.md). Times are integers in µs "
                + "(Unix µs for wall clock, node µs since boot for *MonoUs); protocol values are spelled by name as in docs/protocol.md. "
                + "Errors are problem details (RFC 9457) whose 'type' says what went wrong.",
        };
        document.Paths ??= new OpenApiPaths();
        document.Paths[ScrapePath] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new OpenApiOperation
                {
                    OperationId = "PrometheusScrape",
                    Summary = ScrapeSummary,
                    Description = "Governance metrics per node (jidoka_node_*) and per cell (jidoka_cell_*), and the bridge's ingest health (jidoka_bridge_*), in the Prometheus text format.",
                    Responses = new OpenApiResponses
                    {
                        ["200"] = new OpenApiResponse
                        {
                            Description = "Metrics in the Prometheus text exposition format.",
                            Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new OpenApiMediaType() },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
