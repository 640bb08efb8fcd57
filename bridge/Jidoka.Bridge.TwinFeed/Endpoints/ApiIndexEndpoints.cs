using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Jidoka.Bridge.TwinFeed.Endpoints;

/// <summary>GET /api/v1: an index of the API (every mapped endpoint with its method and summary), read from the routing table.</summary>
public static class ApiIndexEndpoints
{
    /// <summary>Maps the index at <see cref="TwinFeedHosting.ApiPrefix"/> on <paramref name="app"/> (the prefix itself, without a trailing slash).</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(TwinFeedHosting.ApiPrefix, (EndpointDataSource endpoints) => TypedResults.Ok(Index(endpoints)))
            .WithTags("twin feed")
            .WithName("ApiIndex")
            .WithSummary("An index of this API: every endpoint with its method and summary, and where the OpenAPI description is")
            .Produces<ApiIndexView>();
    }

    /// <summary>The index of what <paramref name="endpoints"/> maps (the OpenAPI document itself left out: it is named in the index).</summary>
    public static ApiIndexView Index(EndpointDataSource endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var entries = new List<ApiIndexEntry>();
        foreach (RouteEndpoint endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            string path = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (path.StartsWith("/openapi/", StringComparison.Ordinal))
            {
                continue;
            }

            string summary = endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary
                ?? (path == OpenApi.TwinFeedOpenApi.ScrapePath ? OpenApi.TwinFeedOpenApi.ScrapeSummary : "");
            foreach (string method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? new[] { "GET" })
            {
                entries.Add(new ApiIndexEntry(method, path, summary));
            }
        }

        return new ApiIndexView(
            "Jidoka bridge twin feed",
            "/openapi/v1.json",
            "/",
            entries.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList());
    }
}

/// <summary>The answer of GET /api/v1.</summary>
/// <param name="Name">What this is.</param>
/// <param name="OpenApi">Path of the OpenAPI description.</param>
/// <param name="WebApp">Path of the web app (andon board, cases).</param>
/// <param name="Endpoints">Every endpoint, by path.</param>
public sealed record ApiIndexView(string Name, string OpenApi, string WebApp, IReadOnlyList<ApiIndexEntry> Endpoints);

/// <summary>One endpoint of the index.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Route template ("/api/v1/cases/{caseId}").</param>
/// <param name="Summary">What it answers.</param>
public sealed record ApiIndexEntry(string Method, string Path, string Summary);
