using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using Jidoka.SimBoard.Network;

namespace Jidoka.DemoNodes;

/// <summary>
/// Usage: <c>Jidoka.DemoNodes --nodes N --port P [--host 127.0.0.1] [--store DIR]</c>. Runs the demo cell until standard
/// input ends (the bridge that started it closed the pipe, or died) or the process is asked to stop.
/// </summary>
public static class Program
{
    /// <summary>Most demo nodes one process runs.</summary>
    public const int NodesMax = 200;

    /// <summary>Entry point: exit code 0 after a clean stop, 2 on bad arguments.</summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string host = "127.0.0.1";
        int nodes = -1;
        int port = -1;
        string? store = null;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--host": host = args[i + 1]; break;
                case "--nodes": nodes = ParseOr(args[i + 1], -1); break;
                case "--port": port = ParseOr(args[i + 1], -1); break;
                case "--store": store = args[i + 1]; break;
                default: nodes = -1; i = args.Length; break;
            }
        }

        if (args.Length % 2 != 0 || nodes < 1 || nodes > NodesMax || port < 1 || port > 65535)
        {
            Console.Error.WriteLine($"usage: Jidoka.DemoNodes --nodes 1..{NodesMax} --port 1..65535 [--host 127.0.0.1] [--store DIR]");
            return 2;
        }

        using var stop = new ManualResetEventSlim();
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        var watchInput = new Thread(() =>
        {
            // The parent keeps the pipe open and never writes; end of input means it is gone.
            while (Console.In.ReadLine() != null)
            {
            }

            stop.Set();
        })
        { IsBackground = true, Name = "stdin watch" };

        using (var cell = new DemoCell(nodes, new MqttNetLinkOptions { Host = host, Port = port }, store))
        {
            watchInput.Start();
            Console.Error.WriteLine($"jidoka-demo-nodes: {nodes} simulated node(s) in cell {DemoCell.CellId} publishing to {host}:{port}");
            stop.Wait();
        }

        Console.Error.WriteLine("jidoka-demo-nodes: stopped");
        return 0;

        // A clean stop: the nodes' threads end and their MQTT clients disconnect before the process exits.
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Set();
        }
    }

    private static int ParseOr(string text, int fallback) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;
}
