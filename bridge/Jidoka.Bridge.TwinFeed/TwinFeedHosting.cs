using System;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.TwinFeed.Endpoints;
using Jidoka.Bridge.TwinFeed.Http;
using Jidoka.Bridge.TwinFeed.Metrics;
using Jidoka.Bridge.TwinFeed.OpenApi;
using Jidoka.Bridge.TwinFeed.Stream;
using Jidoka.Bridge.TwinFeed.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Jidoka.Bridge.TwinFeed;

/// <summary>Adds the twin feed to a bridge web application.</summary>
public static class TwinFeedHosting
{
    /// <summary>Prefix of every twin feed API path.</summary>
    public const string ApiPrefix = "/api/v1";

    /// <summary>
    /// Registers the twin feed (section "Bridge:Http"): Kestrel on the configured address and port
    /// (unless ASP.NET Core's "urls" setting is given, which then decides),
    /// JSON settings, problem details, OpenAPI, the live-stream hub, and OpenTelemetry metrics with the
    /// Prometheus exporter. Call after the bridge itself is registered.
    /// </summary>
    public static WebApplicationBuilder AddTwinFeed(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        TwinFeedOptions options = builder.Configuration.GetSection("Bridge:Http").Get<TwinFeedOptions>() ?? new TwinFeedOptions();
        options.Validate();
        builder.Services.AddSingleton(options);

        // ASP.NET Core's own "urls" setting (--urls, ASPNETCORE_URLS), when given, wins: a harness that
        // starts the bridge as a program may already pass it.
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.Address, options.Port));
        }

        builder.Services.ConfigureHttpJsonOptions(json => TwinJson.Apply(json.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer<TwinFeedOpenApi>());
        builder.Services.AddSingleton<TwinFeedHub>();
        builder.Services.AddSingleton<CommandAuthorizer>();
        builder.Services.AddSingleton<GovernanceMetricsCache>();
        builder.Services.AddSingleton<GovernanceInstruments>();
        builder.Services.AddSingleton<IngestInstruments>();
        builder.Services.AddSingleton<NodeInstruments>();
        builder.Services.AddHostedService<TwinFeedAnnouncer>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("jidoka-bridge"))
            .WithMetrics(metrics => metrics
            .AddMeter(GovernanceInstruments.MeterName, IngestInstruments.MeterName, NodeInstruments.MeterName)
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    /// <summary>Maps the twin feed's endpoints, the OpenAPI description and the Prometheus scrape endpoint.</summary>
    public static WebApplication MapTwinFeed(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Created now, not on first use: the hub must follow node states from the first commit, and
        // the instruments must exist before the first scrape.
        app.Services.GetRequiredService<TwinFeedHub>();
        app.Services.GetRequiredService<GovernanceInstruments>();
        app.Services.GetRequiredService<IngestInstruments>();
        app.Services.GetRequiredService<NodeInstruments>();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebApp(WebAssets.Load());
        HealthEndpoints.Map(app);
        ApiIndexEndpoints.Map(app);
        RouteGroupBuilder api = app.MapGroup(ApiPrefix).WithTags("twin feed");
        PolicyEndpoints.Map(api);
        RunbookEndpoints.Map(api);
        BridgeEndpoints.Map(api);
        NodeEndpoints.Map(api);
        CommandEndpoints.Map(api);
        CaseEndpoints.Map(api);
        EventEndpoints.Map(api);
        AuditEndpoints.Map(api);
        MetricsEndpoints.Map(api);
        StreamEndpoints.Map(api);
        app.MapOpenApi(TwinFeedOpenApi.DocumentPath.Replace("v1", "{documentName}", StringComparison.Ordinal));
        GovernanceMetricsCache cache = app.Services.GetRequiredService<GovernanceMetricsCache>();
        app.MapPrometheusScrapingEndpoint(
            TwinFeedOpenApi.ScrapePath,
            meterProvider: null,
            configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                // Observable instruments are read synchronously; the figures are read from the store here, before the exporter collects.
                await cache.RefreshAsync(context.RequestAborted).ConfigureAwait(false);
                await next(context).ConfigureAwait(false);
            }),
            optionsName: null);
        return app;
    }
}
