using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using MQTTnet.Server;

namespace Jidoka.Bridge.Hosting;

/// <summary>The in-process MQTTnet broker of the embedded default: one command runs the whole bridge on a fresh machine.</summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly BrokerOptions _options;
    private MqttServer? _server;

    /// <summary>Creates the broker; <see cref="StartAsync"/> listens.</summary>
    public EmbeddedBroker(BrokerOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>The port it listens on, once started.</summary>
    public int Port { get; private set; }

    /// <summary>The address it listens on.</summary>
    public IPAddress Address { get; private set; } = IPAddress.Any;

    /// <summary>Starts listening; port 0 takes a free port.</summary>
    public async Task StartAsync()
    {
        Address = IPAddress.Parse(_options.ListenAddress);
        Port = _options.Port == 0 ? FreePort(Address) : _options.Port;
        (IPAddress v4, IPAddress v6) = BrokerListenAddresses.For(Address);
        MqttServerOptions options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(v4)
            .WithDefaultEndpointBoundIPV6Address(v6)
            .WithDefaultEndpointPort(Port)
            .WithDefaultEndpointReuseAddress()
            .WithMaxPendingMessagesPerClient(_options.MaxPendingMessagesPerClient)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        _server.ValidatingConnectionAsync += EmbeddedBrokerClientIds.AssignWhenEmptyAsync;
        await _server.StartAsync().ConfigureAwait(false);
    }

    /// <summary>Stops listening and disconnects every client.</summary>
    public async Task StopAsync()
    {
        if (_server != null && _server.IsStarted)
        {
            await _server.StopAsync(new MqttServerStopOptionsBuilder().Build()).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _server?.Dispose();
        _server = null;
    }

    // MQTTnet does not report the port it bound, so a free one is found first. Another process could
    // take it in between; that only matters for tests, which then fail loudly at start.
    private static int FreePort(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
