using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Threading.Tasks;
using Jidoka.Bridge.Hosting;
using Jidoka.Bridge.Ingest;
using Jidoka.Bridge.Pump;
using Jidoka.Bridge.Time;
using Jidoka.Hil.Deterministic;
using Jidoka.Protocol;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jidoka.Hil.Tests;

/// <summary>
/// The deterministic sweep proves the glue that ships: the virtual bridge runs the pump type the
/// service's container resolves, messages reach its engine only through that pump, and the rig's code
/// contains no second copy of what the pump does (feeding the engine, answering time sync, announcing
/// the host state, encoding acks).
/// </summary>
public sealed class PumpIdentityTests
{
    [Fact]
    public async Task The_virtual_bridge_runs_the_pump_the_service_resolves_and_the_nodes_see_its_announcement()
    {
        string dir = Path.Combine(Path.GetTempPath(), "jidoka-hil", "pump-identity-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(dir);
        try
        {
            Type servicePump = await ServicePumpTypeAsync(Path.Combine(dir, "service.db"));

            using var cell = new SimulatedCell(11, Path.Combine(dir, "nodes"));
            using var bridge = new VirtualBridge(cell, Path.Combine(dir, "bridge.db"));
            bridge.Start();
            SimulatedNode node = cell.AddNode(new SimulatedBoardOptions { NodeId = "sim-01" });
            cell.PowerOnAll();
            Assert.True(cell.RunUntil(() => node.Core?.Comms.HostOnline == true && bridge.Pump.BatchesCommitted > 0 && bridge.Pump.TimeSyncAnswers > 0, 10_000_000), "the node did not see the bridge online, or nothing went through its pump");

            Assert.Equal(servicePump, bridge.Pump.GetType());
            Assert.Same(bridge.Engine, bridge.Pump.Engine);
            Assert.True(bridge.Pump.SessionStartUnixMs > 0);
            Assert.Equal(bridge.BatchesCommitted, bridge.Pump.BatchesCommitted);
            Assert.True(bridge.Engine.Totals.Messages > 0);
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public void The_rig_has_no_second_copy_of_the_pump()
    {
        Assembly rig = typeof(VirtualBridge).Assembly;
        List<(MethodBase Caller, MethodBase Callee)> calls = IlCalls.In(rig).ToList();

        // Only the pump feeds the engine: nothing in the rig calls ProcessAsync itself.
        Assert.Empty(calls.Where(c => c.Callee.DeclaringType == typeof(IngestEngine) && c.Callee.Name == nameof(IngestEngine.ProcessAsync)).Select(c => Describe(c.Caller)));

        // The virtual bridge and its session answer no time sync, announce no host state, encode no ack.
        Type[] forbidden = { typeof(TimeSyncResponder), typeof(HostStatePublisher), typeof(HostStateMessage), typeof(EventAckMessage), typeof(TimeSyncResponseMessage) };
        IEnumerable<string> copies = calls
            .Where(c => IsIn(c.Caller, typeof(VirtualBridge)) || IsIn(c.Caller, typeof(SimBrokerSession)))
            .Where(c => forbidden.Contains(c.Callee.DeclaringType))
            .Select(c => Describe(c.Caller) + " -> " + Describe(c.Callee));
        Assert.Empty(copies);

        // And it does build the pump.
        Assert.Contains(calls, c => IsIn(c.Caller, typeof(VirtualBridge)) && c.Callee is ConstructorInfo && c.Callee.DeclaringType == typeof(BridgePump));
    }

    private static async Task<Type> ServicePumpTypeAsync(string dataFile)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bridge:HostId"] = "pump-check",
            ["Bridge:Broker:Mode"] = "Embedded",
            ["Bridge:Broker:ListenAddress"] = "127.0.0.1",
            ["Bridge:Broker:Port"] = "0",
            ["Bridge:Storage:DataFile"] = dataFile,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJidokaBridge(configuration);
        await using ServiceProvider provider = services.BuildServiceProvider();
        BridgeRuntime runtime = provider.GetRequiredService<BridgeRuntime>();
        Assert.Same(provider.GetRequiredService<BridgePump>(), runtime.Pump);
        Assert.IsType<MqttBridgeConnection>(provider.GetRequiredService<IBrokerSession>());
        return runtime.Pump.GetType();
    }

    private static bool IsIn(MethodBase method, Type type)
    {
        for (Type? t = method.DeclaringType; t != null; t = t.DeclaringType)
        {
            if (t == type)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(MethodBase m) => m.DeclaringType?.FullName + "." + m.Name;

    /// <summary>Every method a method body calls, constructs or takes the address of, read from its IL.</summary>
    private static class IlCalls
    {
        private static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

        public static IEnumerable<(MethodBase, MethodBase)> In(Assembly assembly)
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (Type type in assembly.GetTypes())
            {
                foreach (MethodBase method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
                {
                    byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
                    if (il == null)
                    {
                        continue;
                    }

                    foreach (MethodBase callee in Callees(method, il))
                    {
                        yield return (method, callee);
                    }
                }
            }
        }

        private static IEnumerable<MethodBase> Callees(MethodBase method, byte[] il)
        {
            int i = 0;
            while (i < il.Length)
            {
                short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
                i += il[i] == 0xFE ? 2 : 1;
                OpCode code = Codes[value];
                if (code.OperandType == OperandType.InlineMethod)
                {
                    MethodBase? callee = Resolve(method, BitConverter.ToInt32(il, i));
                    if (callee != null)
                    {
                        yield return callee;
                    }
                }

                i += OperandSize(code, il, i);
            }
        }

        private static MethodBase? Resolve(MethodBase method, int token)
        {
            Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
            Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
            try
            {
                return method.Module.ResolveMethod(token, typeArgs, methodArgs);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
            _ => 4,
        };
    }
}
