using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Hosting;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>Trips, resets and cases appear on the console at information level, once each, as they are stored.</summary>
public sealed class CellActivityLogTests
{
    private const string Node = "press-77";

    [Fact]
    public async Task A_trip_its_case_the_reset_and_the_recovery_are_logged_at_information_level()
    {
        using var dir = new TempDir();
        var lines = new ConcurrentQueue<(LogLevel Level, string Category, string Message)>();
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bridge:Broker:ListenAddress"] = "127.0.0.1",
            ["Bridge:Broker:Port"] = "0",
            ["Bridge:Storage:DataFile"] = dir.File("bridge.db"),
            ["Bridge:RetentionDays"] = "0",
            ["Bridge:Cases:WindowBeforeMs"] = "100",
            ["Bridge:Cases:WindowAfterMs"] = "100",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information).AddProvider(new CapturingProvider(lines));
        builder.Services.AddJidokaBridge(builder.Configuration);
        using IHost host = builder.Build();
        await host.StartAsync();
        try
        {
            BridgeRuntime runtime = host.Services.GetRequiredService<BridgeRuntime>();
            await using var node = new TestNode("cell-a", Node);
            await node.ConnectAsync(runtime.BrokerPort);
            await FramesAsync(node, 9_890_000, 10_000_000, 0);
            await node.SendEventAsync(Messages.Trip(Node, 41, 1, 10_000_000));
            await FramesAsync(node, 10_000_000, 10_120_000, FrameFlags.Tripped);
            await node.SendEventAsync(Messages.Reset(Node, 42, 1, 10_500_000, 41, "op-7"));
            await FramesAsync(node, 10_600_000, 10_620_000, 0);
            await Eventually.UntilAsync(
                async () => (await runtime.Store.QueryCasesAsync(new CaseQuery(Node), default)).SingleOrDefault()?.Status == CaseStatus.Recovered,
                "case recovered");
            await Eventually.UntilAsync(() => Activity(lines).Any(l => l.StartsWith("CASE 1 recovered", StringComparison.Ordinal)), "recovery logged");

            string[] activity = Activity(lines);
            Assert.Single(activity, l => l.StartsWith($"TRIP {Node}: force-over-limit on force", StringComparison.Ordinal) && l.Contains("response regrip", StringComparison.Ordinal));
            Assert.Single(activity, l => l.StartsWith($"CASE 1 opened: {Node} in cell-a, force-over-limit (regrip)", StringComparison.Ordinal));
            Assert.Single(activity, l => l.StartsWith($"RESET {Node} by op-7", StringComparison.Ordinal));
            Assert.Single(activity, l => l.StartsWith($"CASE 1 reset: {Node} by op-7, 0.5 s after the trip", StringComparison.Ordinal));
            Assert.Single(activity, l => l.StartsWith("CASE 1 recovered", StringComparison.Ordinal));
            Assert.All(lines.Where(l => l.Category == typeof(CellActivityLog).FullName), l => Assert.Equal(LogLevel.Information, l.Level));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task FramesAsync(TestNode node, ulong fromUs, ulong toUs, byte flags)
    {
        for (ulong mono = fromUs; mono < toUs; mono += 10_000)
        {
            await node.PublishFrameAsync(Messages.Frame(Node, 1, (uint)((mono - 9_890_000) / 10_000), mono, flags: flags));
        }
    }

    private static string[] Activity(ConcurrentQueue<(LogLevel Level, string Category, string Message)> lines) =>
        lines.Where(l => l.Category == typeof(CellActivityLog).FullName).Select(l => l.Message).ToArray();

    private sealed class CapturingProvider(ConcurrentQueue<(LogLevel, string, string)> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<(LogLevel, string, string)> lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((logLevel, category, formatter(state, exception)));
        }
    }
}
