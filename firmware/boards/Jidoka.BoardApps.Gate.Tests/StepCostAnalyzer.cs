using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Jidoka.BoardApps.Gate.Tests;

/// <summary>What <see cref="StepCostAnalyzer"/> found for one root method.</summary>
/// <param name="Instructions">IL instructions on the counted path, callees included.</param>
/// <param name="ExternalCalls">Calls into mscorlib or the device packages (native or library code the count cannot see into).</param>
/// <param name="Methods">App methods the path reaches.</param>
internal sealed record StepCost(long Instructions, long ExternalCalls, int Methods);

/// <summary>
/// Estimates how many IL instructions one trip-loop step interprets, from the gate assembly's IL: the
/// longest path through each method's forward branches (the worst arm of every branch; paths that end
/// in throw excluded), every call site on it adding its callee's longest path (so a helper called twice
/// counts twice), a method a loop calls
/// a fixed number of times (the three interlock pairs) counts that many times through <see cref="LoopMultipliers"/>, and an interface call counts its most expensive implementation in
/// the app. Recursion is cut at the first repeat. It cannot see inside mscorlib or the device packages, so
/// it reports how many such calls the path makes.
/// </summary>
internal sealed class StepCostAnalyzer
{
    private readonly Meta _gate;
    private readonly Dictionary<MethodDefinitionHandle, StepCost> _memo = new();
    private readonly HashSet<MethodDefinitionHandle> _active = new();
    private readonly HashSet<MethodDefinitionHandle> _reached = new();

    private readonly HashSet<string> _excluded;

    /// <summary>Creates the analyzer; calls to <paramref name="excluded"/> ("Type::Method") cost one instruction (the call).</summary>
    public StepCostAnalyzer(Meta gate, IEnumerable<string>? excluded = null)
    {
        _gate = gate;
        _excluded = new HashSet<string>(excluded ?? [], StringComparer.Ordinal);
    }

    /// <summary>
    /// What happens only when something is decided (a trip, a reset, an event journaled, an overrun or a
    /// fault recorded): excluded for the steady-state figure, a step in which nothing happens but sampling,
    /// rules and the frame batch, which is the step the deadline must hold every period.
    /// </summary>
    public static readonly string[] EventPaths =
    [
        "Jidoka.Node.Engine.TripLoop::Trip",
        "Jidoka.Node.Engine.TripLoop::Overrun",
        "Jidoka.Node.Engine.TripLoop::Fault",
        "Jidoka.Node.Engine.EventRecorder::Begin",
        "Jidoka.Node.Engine.EventRecorder::Commit",
        "Jidoka.Node.Engine.NodeActions::Reset",
    ];

    /// <summary>
    /// Methods a step calls a fixed number of times from a loop, with that number: the longest-path walk
    /// counts a loop body once, so the three interlock pairs' update is scaled here. Other loops (CRC over a
    /// frame, the channel bits) are counted once: the figure is an estimate, not a bound.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> LoopMultipliers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Jidoka.Node.Channels.InterlockPair::Update"] = 3,
    };

    public StepCost Analyze(string type, string method)
    {
        _reached.Clear();
        long instructions = 0, external = 0;
        foreach (MethodDefinitionHandle h in _gate.Methods(type, method))
        {
            StepCost c = Cost(h);
            instructions += c.Instructions;
            external += c.ExternalCalls;
        }

        return new StepCost(instructions, external, _reached.Count);
    }

    private StepCost Cost(MethodDefinitionHandle method)
    {
        _reached.Add(method);
        if (_memo.TryGetValue(method, out StepCost? known))
        {
            return known;
        }

        if (!_active.Add(method))
        {
            return new StepCost(0, 0, 0);
        }

        byte[] il = _gate.Body(method);
        Instruction[] code = Il.Decode(il).ToArray();
        var index = new Dictionary<int, int>();
        for (int i = 0; i < code.Length; i++)
        {
            index[code[i].Offset] = i;
        }

        // Longest path from each instruction to the method's end, over forward edges only: a backward branch
        // (a loop) is taken zero times here, fixed loops are scaled by LoopMultipliers, and a path that ends in
        // throw is not a step's path (the node is failing safe there), so it never wins.
        var best = new (long Instructions, long External)[code.Length];
        var reachable = new bool[code.Length];
        for (int i = code.Length - 1; i >= 0; i--)
        {
            Instruction ins = code[i];
            (long ownInstructions, long ownExternal) = CallCost(ins);
            OpCode op = ins.OpCode;
            if (op == OpCodes.Throw || op == OpCodes.Rethrow)
            {
                continue;
            }

            bool ends = op.FlowControl == FlowControl.Return || op == OpCodes.Endfinally || op == OpCodes.Endfilter;
            (long Instructions, long External) tail = (0, 0);
            bool any = ends;
            foreach (int next in Successors(il, ins))
            {
                if (next > ins.Offset && index.TryGetValue(next, out int j) && reachable[j] && best[j].Instructions >= tail.Instructions)
                {
                    tail = best[j];
                    any = true;
                }
            }

            if (any)
            {
                reachable[i] = true;
                best[i] = (ownInstructions + tail.Instructions, ownExternal + tail.External);
            }
        }

        long total = code.Length > 0 && reachable[0] ? best[0].Instructions : 0;
        long external = code.Length > 0 && reachable[0] ? best[0].External : 0;
        string key = _gate.DeclaringTypeOf(method) + "::" + _gate.Reader.GetString(_gate.Reader.GetMethodDefinition(method).Name);
        int times = LoopMultipliers.TryGetValue(key, out int m) ? m : 1;
        var result = new StepCost(total * times, external * times, 0);
        _active.Remove(method);
        _memo[method] = result;
        return result;
    }

    /// <summary>One instruction plus, for a call into the app, its callee's longest path.</summary>
    private (long Instructions, long External) CallCost(Instruction ins)
    {
        if (ins.OpCode != OpCodes.Call && ins.OpCode != OpCodes.Callvirt && ins.OpCode != OpCodes.Newobj)
        {
            return (1, 0);
        }

        EntityHandle target = MetadataTokens.EntityHandle(ins.Token);
        if (target.Kind == HandleKind.MethodSpecification)
        {
            target = _gate.Reader.GetMethodSpecification((MethodSpecificationHandle)target).Method;
        }

        if (target.Kind != HandleKind.MethodDefinition)
        {
            return (1, 1);
        }

        var handle = (MethodDefinitionHandle)target;
        string key = _gate.DeclaringTypeOf(handle) + "::" + _gate.Reader.GetString(_gate.Reader.GetMethodDefinition(handle).Name);
        if (_excluded.Contains(key))
        {
            return (1, 0);
        }

        StepCost callee = CostOfCallTarget(handle);
        return (1 + callee.Instructions, callee.ExternalCalls);
    }

    /// <summary>Offsets control can reach after <paramref name="ins"/> (fall-through and branch targets).</summary>
    private static IEnumerable<int> Successors(byte[] il, Instruction ins)
    {
        OpCode op = ins.OpCode;
        bool unconditional = op.FlowControl is FlowControl.Branch or FlowControl.Return or FlowControl.Throw;
        if (!unconditional)
        {
            yield return ins.NextOffset;
        }

        switch (op.OperandType)
        {
            case OperandType.ShortInlineBrTarget:
                yield return ins.NextOffset + (sbyte)il[ins.NextOffset - 1];
                break;
            case OperandType.InlineBrTarget:
                yield return ins.NextOffset + BitConverter.ToInt32(il, ins.NextOffset - 4);
                break;
            case OperandType.InlineSwitch:
                int count = BitConverter.ToInt32(il, ins.Offset + 1);
                for (int k = 0; k < count; k++)
                {
                    yield return ins.NextOffset + BitConverter.ToInt32(il, ins.Offset + 5 + (4 * k));
                }

                break;
        }
    }

    /// <summary>A body-less target (interface or abstract member) costs its most expensive implementation in the app.</summary>
    private StepCost CostOfCallTarget(MethodDefinitionHandle target)
    {
        if (_gate.Reader.GetMethodDefinition(target).RelativeVirtualAddress != 0)
        {
            return Cost(target);
        }

        string name = _gate.Reader.GetString(_gate.Reader.GetMethodDefinition(target).Name);
        string declaring = _gate.DeclaringTypeOf(target);
        StepCost worst = new(0, 1, 0);
        foreach (TypeDefinitionHandle t in _gate.Types())
        {
            TypeDefinition td = _gate.Reader.GetTypeDefinition(t);
            bool implements = td.GetInterfaceImplementations().Any(i => _gate.TypeName(_gate.Reader.GetInterfaceImplementation(i).Interface) == declaring);
            if (!implements)
            {
                continue;
            }

            foreach (MethodDefinitionHandle m in td.GetMethods().Where(m => _gate.Reader.GetString(_gate.Reader.GetMethodDefinition(m).Name) == name || _gate.Reader.GetString(_gate.Reader.GetMethodDefinition(m).Name).EndsWith("." + name, StringComparison.Ordinal)))
            {
                StepCost c = Cost(m);
                if (c.Instructions > worst.Instructions)
                {
                    worst = c;
                }
            }
        }

        return worst;
    }
}
