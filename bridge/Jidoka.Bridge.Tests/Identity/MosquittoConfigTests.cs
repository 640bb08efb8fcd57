using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Identity;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Xunit;

namespace Jidoka.Bridge.Tests.Identity;

/// <summary>
/// The generated Mosquitto configuration run by a real Mosquitto: anonymous clients, wrong passwords,
/// revoked clients, cross-node publishes and subscriptions and technician publishes are refused, and the
/// bridge still gets what the nodes send.
/// </summary>
public sealed class MosquittoConfigTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jidoka-mosq-" + Guid.NewGuid().ToString("N"));
    private Process? _mosquitto;
    private int _port;
    private ProvisionedCredential _press1 = null!;
    private ProvisionedCredential _press2 = null!;
    private ProvisionedCredential _bridge = null!;
    private ProvisionedCredential _tech = null!;
    private ProvisionedCredential _retired = null!;

    public async Task InitializeAsync()
    {
        string? executable = Find();
        if (executable is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "mosquitto is missing under CI=true (.ci/run installs it)");
            return;
        }

        NodeRegistry registry = NodeRegistry.Empty
            .AddNode("cell-a", "press-1", Now, out _press1)
            .AddNode("cell-a", "press-2", Now, out _press2)
            .AddNode("cell-a", "press-9", Now, out _retired)
            .AddClient(ClientIdentity.ForBridge("bridge-1"), Now, out _bridge)
            .AddClient(ClientIdentity.ForTechnician("tech.anna"), Now, out _tech)
            .Revoke("press-9", Now);
        _port = FreePort();
        MosquittoConfigWriter.Write(_dir, registry, new TopicAccessPolicy("bridge-1"), new MosquittoConfigWriter.ListenerSettings("127.0.0.1", _port, BrokerLimits.QueuedBytesPerClientDefault));
        string config = Path.Combine(_dir, MosquittoConfigWriter.ConfigFileName);
        // Started as root, Mosquitto drops to its own user before it reads the owner-only password and
        // ACL files; a test keeps root instead of chowning temporary files (docs/security.md: chown them).
        File.AppendAllText(config, Environment.UserName == "root" ? "user root\n" : "");
        var info = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(config);
        _mosquitto = Process.Start(info)!;
        _mosquitto.BeginErrorReadLine();
        _mosquitto.BeginOutputReadLine();
        await WaitForPortAsync();
    }

    public Task DisposeAsync()
    {
        if (_mosquitto is { HasExited: false })
        {
            _mosquitto.Kill();
            _mosquitto.WaitForExit();
        }

        _mosquitto?.Dispose();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }

        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task Anonymous_wrong_password_and_revoked_connects_are_refused()
    {
        SkipWithoutMosquitto();
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, await ConnectCodeAsync("anon-1", null, null));
        // Mosquitto answers a wrong password with "not authorized" too (MQTT 5 reason 0x87), not 0x86.
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, await ConnectCodeAsync("press-1", "press-1", _press1.Password + "x"));
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, await ConnectCodeAsync("press-9", "press-9", _retired.Password));
        Assert.Equal(MqttClientConnectResultCode.Success, await ConnectCodeAsync("press-1", "press-1", _press1.Password));
    }

    [SkippableFact]
    public async Task A_node_cannot_publish_as_another_node_nor_send_commands_and_the_bridge_gets_only_the_real_event()
    {
        SkipWithoutMosquitto();
        using IMqttClient bridge = await ConnectAsync("bridge-1", _bridge.Password);
        var received = new System.Collections.Concurrent.ConcurrentQueue<string>();
        bridge.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(e.ApplicationMessage.Topic);
            return Task.CompletedTask;
        };
        MqttClientSubscribeResult sub = await bridge.SubscribeAsync("jidoka/v1/+/+/event", MqttQualityOfServiceLevel.AtLeastOnce);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, Assert.Single(sub.Items).ResultCode);
        using IMqttClient press1 = await ConnectAsync("press-1", _press1.Password);

        MqttClientPublishResult forged = await press1.PublishAsync(Message("jidoka/v1/cell-a/press-2/event"));
        MqttClientPublishResult command = await press1.PublishAsync(Message("jidoka/v1/cell-a/press-2/cmd"));
        MqttClientPublishResult own = await press1.PublishAsync(Message("jidoka/v1/cell-a/press-1/event"));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, command.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.Success, own.ReasonCode);
        await WaitUntilAsync(() => !received.IsEmpty);
        await Task.Delay(200); // anything forged that got through would have arrived by now, in order, before the real one
        Assert.Equal(new[] { "jidoka/v1/cell-a/press-1/event" }, received.ToArray());
    }

    [SkippableFact]
    public async Task A_node_never_receives_another_nodes_commands_and_a_technician_cannot_publish()
    {
        SkipWithoutMosquitto();
        using IMqttClient press1 = await ConnectAsync("press-1", _press1.Password);
        using IMqttClient press2 = await ConnectAsync("press-2", _press2.Password);
        var toPress1 = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var toPress2 = new System.Collections.Concurrent.ConcurrentQueue<string>();
        press1.ApplicationMessageReceivedAsync += e => Record(toPress1, e);
        press2.ApplicationMessageReceivedAsync += e => Record(toPress2, e);
        await press1.SubscribeAsync("jidoka/v1/cell-a/press-1/cmd", MqttQualityOfServiceLevel.AtLeastOnce);
        // Mosquitto 2 grants any well-formed subscription and applies the read ACL to every message it
        // would deliver, so the proof is in what arrives, not in the SUBACK.
        await press2.SubscribeAsync("jidoka/v1/cell-a/press-1/cmd", MqttQualityOfServiceLevel.AtLeastOnce);
        await press2.SubscribeAsync("jidoka/v1/+/+/cmd", MqttQualityOfServiceLevel.AtLeastOnce);
        using IMqttClient bridge = await ConnectAsync("bridge-1", _bridge.Password);

        MqttClientPublishResult sent = await bridge.PublishAsync(Message("jidoka/v1/cell-a/press-1/cmd"));

        Assert.Equal(MqttClientPublishReasonCode.Success, sent.ReasonCode);
        await WaitUntilAsync(() => !toPress1.IsEmpty);
        await Task.Delay(200);
        Assert.Empty(toPress2);

        using IMqttClient tech = await ConnectAsync("tech.anna", _tech.Password);
        MqttClientPublishResult reset = await tech.PublishAsync(Message("jidoka/v1/cell-a/press-1/cmd"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, reset.ReasonCode);
        await Task.Delay(200);
        Assert.Single(toPress1);
    }

    private static Task Record(System.Collections.Concurrent.ConcurrentQueue<string> into, MqttApplicationMessageReceivedEventArgs e)
    {
        into.Enqueue(e.ApplicationMessage.Topic);
        return Task.CompletedTask;
    }

    private void SkipWithoutMosquitto() =>
        Skip.If(_mosquitto is null, "SKIPPED (not passed): mosquitto is not installed (apt-get install mosquitto)");

    private static MqttApplicationMessage Message(string topic) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(new byte[] { 1, 2, 3 }).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private MqttClientOptions Options(string clientId, string? user, string? password)
    {
        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (user is not null)
        {
            builder = builder.WithCredentials(user, password);
        }

        return builder.Build();
    }

    private async Task<MqttClientConnectResultCode> ConnectCodeAsync(string clientId, string? user, string? password)
    {
        using IMqttClient client = new MqttClientFactory().CreateMqttClient();
        try
        {
            MqttClientConnectResult result = await client.ConnectAsync(Options(clientId, user, password));
            return result.ResultCode;
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e)
        {
            // MQTTnet 5 reports a refused CONNACK only in the message ("... with result code NotAuthorized").
            foreach (MqttClientConnectResultCode code in Enum.GetValues<MqttClientConnectResultCode>())
            {
                if (code != MqttClientConnectResultCode.Success && e.Message.EndsWith(code.ToString(), StringComparison.Ordinal))
                {
                    return code;
                }
            }

            throw new InvalidOperationException("connect failed without a result code: " + e.Message, e);
        }
    }

    private async Task<IMqttClient> ConnectAsync(string user, string password)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(Options(user, user, password));
        return client;
    }

    private async Task WaitForPortAsync()
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            Assert.False(_mosquitto!.HasExited, "mosquitto exited at start");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, _port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string? Find()
    {
        foreach (string candidate in new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
