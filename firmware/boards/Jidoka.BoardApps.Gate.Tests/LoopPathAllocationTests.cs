using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using Xunit;

namespace Jidoka.BoardApps.Gate.Tests;

/// <summary>
/// The adapters the trip loop calls every step (inputs, outputs, watchdog, force, vision, clock, waiter)
/// and the handlers that run on the interrupt and serial threads must not allocate: the nanoFramework GC
/// stops the world. The adapters cannot run here, so their IL is read instead: no newarr, no box, no
/// newobj of a reference type and no string concatenation (except for an exception being thrown), in the method
/// and in every method of the app it calls. Calls into mscorlib and the device packages are not followed:
/// what the firmware does inside GpioPin.Read is the one thing this cannot see.
/// </summary>
[Trait("Category", "Meta")]
public sealed class LoopPathAllocationTests
{
    public static TheoryData<string, string, string> Roots()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string app in Paths.Apps)
        {
            data.Add(app, "Jidoka.Boards.Adapters.Gpio.GpioContactInput", "Read");
            data.Add(app, "Jidoka.Boards.Adapters.Gpio.GpioContactInput", "OnValueChanged");
            data.Add(app, "Jidoka.Boards.Adapters.Gpio.GpioOutput", "Write");
            data.Add(app, "Jidoka.Boards.Adapters.Gpio.GpioWatchdogKick", "Kick");
            data.Add(app, "Jidoka.Boards.Adapters.Force.Hx711SpiForceSource", "TryReadCounts");
            data.Add(app, "Jidoka.Boards.Adapters.Force.AdcForceSource", "TryReadCounts");
            data.Add(app, "Jidoka.Boards.Logic.Vision.VisionFeed", "TryReadLatest");
            data.Add(app, "Jidoka.Boards.Adapters.Vision.UartVisionLink", "OnDataReceived");
        }

        data.Add("Esp32DevKitC", "Jidoka.Boards.Esp32DevKitC.HighResTimerClock", "get_NowUs");
        data.Add("Esp32DevKitC", "Jidoka.Boards.Esp32DevKitC.HighResTimerLoopWaiter", "WaitUntil");
        data.Add("Esp32DevKitC", "Jidoka.Boards.Esp32DevKitC.HighResTimerLoopWaiter", "OnExpired");
        foreach (string app in new[] { "NucleoF767zi", "Stm32F769iDisco" })
        {
            data.Add(app, "Jidoka.Boards.Stm32.UptimeClock", "get_NowUs");
            data.Add(app, "Jidoka.Boards.Stm32.SleepLoopWaiter", "WaitUntil");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Roots))]
    public void Loop_path_method_allocates_nothing_in_app_code(string app, string type, string method)
    {
        using var gate = new Meta(Paths.GateAssembly(app));
        using var surface = new Meta(Paths.SurfaceAssembly());
        using var mscorlib = new Meta(Paths.Mscorlib());
        var valueTypes = ValueTypeNames(gate, surface, mscorlib);
        var problems = new List<string>();
        var visited = new HashSet<MethodDefinitionHandle>();
        var pending = new Stack<MethodDefinitionHandle>(gate.Methods(type, method));
        Assert.NotEmpty(pending);

        while (pending.Count > 0)
        {
            MethodDefinitionHandle current = pending.Pop();
            if (!visited.Add(current))
            {
                continue;
            }

            string where = gate.MemberKey(current);
            Instruction[] code = gate.Instructions(current).ToArray();
            for (int i = 0; i < code.Length; i++)
            {
                Instruction ins = code[i];
                OpCode op = ins.OpCode;
                if (op == OpCodes.Newarr || op == OpCodes.Box)
                {
                    problems.Add($"{where}: {op.Name} at IL_{ins.Offset:X4}");
                }
                else if (op == OpCodes.Newobj)
                {
                    EntityHandle ctor = Handle(ins.Token);
                    string created = gate.DeclaringTypeOf(ctor);
                    bool thrown = i + 1 < code.Length && code[i + 1].OpCode == OpCodes.Throw;
                    if (!valueTypes.Contains(created) && !thrown)
                    {
                        problems.Add($"{where}: newobj {created} at IL_{ins.Offset:X4}");
                    }
                }
                else if (op == OpCodes.Call || op == OpCodes.Callvirt)
                {
                    EntityHandle target = Handle(ins.Token);
                    string key = gate.MemberKey(target);
                    bool formats = key.StartsWith("System.String::Concat", StringComparison.Ordinal) || key.StartsWith("System.String::Format", StringComparison.Ordinal);
                    if (formats && !BuildsAThrownException(code, i))
                    {
                        problems.Add($"{where}: {key}");
                    }

                    if (target.Kind == HandleKind.MethodDefinition)
                    {
                        pending.Push((MethodDefinitionHandle)target);
                    }
                }
            }
        }

        Assert.True(visited.Count >= 1);
        Assert.True(problems.Count == 0, $"{type}.{method} allocates on the loop path:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_check_flags_an_allocating_method()
    {
        // BootFailure.Hold concatenates strings; CommonWiring.AsInputs creates an array: both must be caught.
        using var gate = new Meta(Paths.GateAssembly("Esp32DevKitC"));
        bool Allocates(string type, string method) => gate.Methods(type, method).SelectMany(gate.Instructions).Any(i =>
            i.OpCode == OpCodes.Newarr || (i.OpCode == OpCodes.Call && gate.MemberKey(Handle(i.Token)).StartsWith("System.String::Concat", StringComparison.Ordinal)));
        Assert.True(Allocates("Jidoka.Boards.Adapters.Startup.BootFailure", "Hold"));
        Assert.True(Allocates("Jidoka.Boards.Adapters.Startup.CommonWiring", "AsInputs"));
    }

    /// <summary>
    /// True when the instructions after <paramref name="at"/>, up to the next branch or return, create an
    /// object and throw it: a message built for an exception (Invariant.Require's failure path) allocates
    /// only when the node is already failing safe.
    /// </summary>
    private static bool BuildsAThrownException(Instruction[] code, int at)
    {
        for (int j = at + 1; j + 1 < code.Length; j++)
        {
            OpCode op = code[j].OpCode;
            if (op.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return)
            {
                return false;
            }

            if (op == OpCodes.Newobj)
            {
                return code[j + 1].OpCode == OpCodes.Throw;
            }
        }

        return false;
    }

    private static EntityHandle Handle(int token) => System.Reflection.Metadata.Ecma335.MetadataTokens.EntityHandle(token);

    private static HashSet<string> ValueTypeNames(params Meta[] assemblies)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Meta m in assemblies)
        {
            foreach (TypeDefinitionHandle h in m.Types())
            {
                if (m.IsValueTypeDefinition(h))
                {
                    names.Add(m.Name(h));
                }
            }
        }

        return names;
    }
}
