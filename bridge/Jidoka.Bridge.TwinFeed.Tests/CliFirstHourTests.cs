using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Jidoka.Cli;
using Jidoka.Cli.Output;
using Jidoka.Protocol;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>The jidoka tool's first-hour fixes: plot limit row, unknown cell, --json, decoded bridge state, status over TLS with credentials.</summary>
public sealed class CliFirstHourTests
{
    [Fact]
    public void The_plots_limit_line_is_on_the_row_labelled_with_the_limit()
    {
        // Force up to 185 N over 12 rows: without alignment the 150 N line lands on a row whose value is 151.4 N.
        var points = Enumerable.Range(0, 200).Select(i => (X: (i / 100.0) - 1.0, Y: i < 150 ? 100.0 : 185.0)).Append((X: -1.0, Y: 0.0)).ToList();
        IReadOnlyList<string> lines = TextPlot.Render(points, -1, 1, 60, 12, 150, 0, "N");
        string limitRow = Assert.Single(lines.Take(12), l => l.Contains("---", StringComparison.Ordinal));
        Assert.StartsWith("150 N", limitRow.TrimStart(), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("0 N", StringComparison.Ordinal) || l.Contains('*', StringComparison.Ordinal));
        double top = double.Parse(lines[0].TrimStart().Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(top >= 185, lines[0]);
    }

    [Fact]
    public async Task Metrics_for_an_unknown_cell_is_an_error_not_no_nodes_yet_and_read_commands_answer_json()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-81");
        await Scenario.TripAsync(node, 101, 2_000_000);
        await Eventually.UntilAsync(async () => (await bridge.Runtime.Store.QueryCasesAsync(new CaseQuery("press-81"), default)).Count == 1, "case opened");

        CliResult nope = await JidokaTool.RunAsync("metrics", "--cell", "nope", "--bridge", bridge.BaseUrl);
        Assert.True(nope.ExitCode == ExitCodes.NotFound, nope.ToString());
        Assert.StartsWith("jidoka: Cell 'nope' is unknown to the bridge", nope.Error, StringComparison.Ordinal);
        Assert.Contains("cell-a", nope.Error, StringComparison.Ordinal);
        CliResult known = await JidokaTool.RunAsync("metrics", "--cell", "cell-a", "--bridge", bridge.BaseUrl);
        Assert.True(known.ExitCode == ExitCodes.Ok, known.ToString());

        using JsonDocument nodes = Json(await JidokaTool.RunAsync("nodes", "--json", "--bridge", bridge.BaseUrl));
        Assert.True(nodes.RootElement.GetProperty("bridge").GetProperty("brokerConnected").GetBoolean());
        Assert.Equal("press-81", nodes.RootElement.GetProperty("nodes")[0].GetProperty("nodeId").GetString());
        using JsonDocument cases = Json(await JidokaTool.RunAsync("cases", "--json", "--bridge", bridge.BaseUrl));
        Assert.Equal("force-over-limit", cases.RootElement[0].GetProperty("cause").GetString());
        using JsonDocument one = Json(await JidokaTool.RunAsync("case", "1", "--json", "--bridge", bridge.BaseUrl));
        Assert.Equal(1, one.RootElement.GetProperty("summary").GetProperty("caseId").GetInt64());
        using JsonDocument metrics = Json(await JidokaTool.RunAsync("metrics", "--json", "--bridge", bridge.BaseUrl));
        Assert.Equal(1, metrics.RootElement.GetProperty("nodes")[0].GetProperty("trips").GetProperty("total").GetInt64());
        using JsonDocument audit = Json(await JidokaTool.RunAsync("audit", "verify", "--json", "--bridge", bridge.BaseUrl));
        Assert.True(audit.RootElement.GetProperty("intact").GetBoolean());
        using JsonDocument status = Json(await JidokaTool.RunAsync("status", "--json", "--host", "127.0.0.1", "--port", bridge.Port.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal("press-81", status.RootElement.GetProperty("nodes")[0].GetProperty("status").GetProperty("node").GetString());
        Assert.Equal("bridge-twin", status.RootElement.GetProperty("bridges")[0].GetProperty("hostId").GetString());

        // The bridge's binary host state, decoded for people.
        CliResult table = await JidokaTool.RunAsync("status", "--host", "127.0.0.1", "--port", bridge.Port.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("Bridge bridge-twin: online, session started ", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_reads_a_broker_over_tls_with_credentials_and_says_so_when_they_are_refused()
    {
        using X509Certificate2 certificate = SelfSigned();
        int port = FreePort();
        MqttServerOptions options = new MqttServerOptionsBuilder()
            .WithEncryptedEndpoint()
            .WithEncryptedEndpointBoundIPAddress(System.Net.IPAddress.Loopback)
            .WithEncryptedEndpointPort(port)
            .WithEncryptionCertificate(certificate)
            .WithEncryptionSslProtocol(System.Security.Authentication.SslProtocols.Tls12)
            .Build();
        using MqttServer broker = new MqttServerFactory().CreateMqttServer(options);
        broker.ValidatingConnectionAsync += e =>
        {
            if (e.UserName != "tech" || e.Password != "s3cret")
            {
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            }

            return Task.CompletedTask;
        };
        await broker.StartAsync();
        try
        {
            byte[] status = Encoding.ASCII.GetBytes("{\"v\":1,\"cell\":\"cell-t\",\"node\":\"press-91\",\"online\":true,\"fw\":\"0.1.0\",\"board\":\"b\",\"uptimeS\":5,\"bootId\":1,\"policyId\":7,\"policyHash\":\"1a2b3c4d\",\"stagedPolicyId\":0,\"forceCal\":\"12.3\",\"visionCal\":\"2.1\",\"trip\":\"armed\",\"cause\":\"none\",\"response\":\"none\",\"tripEventId\":0,\"loopPeriodUs\":1000,\"maxStepUs\":1,\"overruns\":0,\"journalDepth\":0,\"journalDropped\":0,\"framesDropped\":0,\"reconnects\":0,\"hostOnline\":true,\"timeQuality\":\"unsynced\",\"timeUncertaintyUs\":0}");
            await broker.InjectApplicationMessage(new InjectedMqttApplicationMessage(new MqttApplicationMessageBuilder()
                .WithTopic(Topics.ForNode("cell-t", "press-91", TopicKind.Status)).WithPayload(status).WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()));
            string p = port.ToString(CultureInfo.InvariantCulture);

            CliResult ok = await JidokaTool.RunAsync("status", "--host", "127.0.0.1", "--port", p, "--tls", "--insecure", "--username", "tech", "--password", "s3cret");
            Assert.True(ok.ExitCode == ExitCodes.Ok, ok.ToString());
            Assert.Contains(ok.Out.Split('\n'), l => l.StartsWith("press-91", StringComparison.Ordinal));

            CliResult refused = await JidokaTool.RunAsync("status", "--host", "127.0.0.1", "--port", p, "--tls", "--insecure", "--username", "tech", "--password", "wrong");
            Assert.True(refused.ExitCode == ExitCodes.Denied, refused.ToString());
            Assert.StartsWith($"jidoka: the MQTT broker at 127.0.0.1:{p} (TLS) refused the credentials", refused.Error, StringComparison.Ordinal);

            // Without --tls the TLS port does not speak MQTT: unreachable, in one line.
            CliResult plain = await JidokaTool.RunAsync("status", "--host", "127.0.0.1", "--port", p, "--username", "tech", "--password", "s3cret");
            Assert.True(plain.ExitCode == ExitCodes.Unreachable, plain.ToString());
        }
        finally
        {
            await broker.StopAsync();
        }
    }

    private static JsonDocument Json(CliResult result)
    {
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        return JsonDocument.Parse(result.Out);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using X509Certificate2 made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
