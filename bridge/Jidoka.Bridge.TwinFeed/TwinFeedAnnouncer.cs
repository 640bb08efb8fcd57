using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Jidoka.Bridge.TwinFeed.Http;

namespace Jidoka.Bridge.TwinFeed;

/// <summary>Prints where the twin feed listens once the server is up (with port 0 only then is the port known).</summary>
public sealed class TwinFeedAnnouncer : IHostedService
{
    private readonly IServer _server;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;
    private readonly CommandAuthorizer _authorizer;
    private CancellationTokenRegistration _started;

    /// <summary>Creates the announcer.</summary>
    public TwinFeedAnnouncer(IServer server, IHostApplicationLifetime lifetime, CommandAuthorizer authorizer, ILogger<TwinFeedAnnouncer> logger)
    {
        _server = server ?? throw new ArgumentNullException(nameof(server));
        _lifetime = lifetime ?? throw new ArgumentNullException(nameof(lifetime));
        _authorizer = authorizer ?? throw new ArgumentNullException(nameof(authorizer));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The addresses the server listens on ("http://127.0.0.1:8080"), empty before it started.</summary>
    public IReadOnlyList<string> Addresses => _server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? new List<string>();

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = _lifetime.ApplicationStarted.Register(() =>
        {
            foreach (string address in Addresses)
            {
                string local = address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal);
                _logger.LogInformation(
                    "Andon board and cases: open {Url}/ (listening on {Address}); API /api/v1, live stream /api/v1/stream, OpenAPI /openapi/v1.json, Prometheus /metrics, health /healthz /readyz",
                    local,
                    address);
            }

            if (!_authorizer.Enabled)
            {
                _logger.LogWarning("Commands (reset, policy) need no token: anyone who reaches the twin feed can send them under any operator id. Configure Bridge:Http:Operators (docs/operations.md) or bind to 127.0.0.1.");
            }
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _started.Dispose();
        return Task.CompletedTask;
    }
}
