using System;
using System.IO;
using System.Linq;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using Xunit;

namespace Jidoka.BoardApps.Gate.Tests;

/// <summary>
/// What a message tag would cost on a board if the shared-source HMAC-SHA256 (shared-protocol/src/Security)
/// ran on the interpreter, estimated from the gate assembly's IL as the step cost is (docs/performance.md,
/// "Message tags"). SHA-256's compression has three fixed loops (16 message words loaded, 48 schedule words,
/// 64 rounds); each loop body is counted as often as it runs, everything else in the method once.
/// </summary>
public sealed class MessageTagCostTests
{
    private static readonly int[] CompressLoopIterations = [16, 48, 64];

    /// <summary>IL instructions one SHA-256 compression interprets.</summary>
    private static long CompressionInstructions(string app)
    {
        using var gate = new Meta(Paths.GateAssembly(app));
        MethodDefinitionHandle compress = gate.Methods("Jidoka.Protocol.Security.Sha256", "Compress").Single();
        Instruction[] code = gate.Instructions(compress).ToArray();
        byte[] il = gate.Body(compress);

        // A C# for loop compiles to a forward jump to its condition and a backward branch from the condition
        // to the body's start; the body plus condition is what repeats.
        var loops = code
            .Where(i => i.OpCode.FlowControl == FlowControl.Cond_Branch && Target(il, i) < i.Offset)
            .Select(i => (Start: Target(il, i), End: i.NextOffset))
            .ToArray();
        Assert.Equal(CompressLoopIterations.Length, loops.Length);

        long total = 0;
        foreach (Instruction ins in code)
        {
            int loop = Array.FindIndex(loops, l => ins.Offset >= l.Start && ins.Offset < l.End);
            total += loop < 0 ? 1 : CompressLoopIterations[loop];
        }

        return total;
    }

    /// <summary>Compressions one tag over <paramref name="messageBytes"/> costs after the key's midstates: the inner hash's blocks (message plus 9 bytes of padding) and one outer block.</summary>
    private static int Compressions(int messageBytes) => ((messageBytes + 9 + 63) / 64) + 1;

    [Theory]
    [InlineData("Esp32DevKitC")]
    [InlineData("NucleoF767zi")]
    [InlineData("Stm32F769iDisco")]
    public void Performance_doc_states_the_tag_cost_for_each_board(string app)
    {
        long perCompression = CompressionInstructions(app);
        long frame = perCompression * Compressions(173);
        long eventTag = perCompression * Compressions(161);
        string row = $"| {app} | {perCompression} | {eventTag} | {eventTag * 4 / 1000} ms | {eventTag * 12 / 1000} ms | {frame * 4 / 1000} ms |";
        string doc = File.ReadAllText(Path.Combine(Paths.Root(), "docs", "performance.md"));
        Assert.True(doc.Contains(row, StringComparison.Ordinal), $"docs/performance.md must contain the row\n{row}");
    }

    [Fact]
    public void A_tag_needs_four_compressions_for_an_event_and_a_frame()
    {
        Assert.Equal(4, Compressions(161));
        Assert.Equal(4, Compressions(173));
        Assert.Equal(2, Compressions(0));
    }

    private static int Target(byte[] il, Instruction branch) =>
        branch.OpCode.OperandType == OperandType.ShortInlineBrTarget
            ? branch.NextOffset + (sbyte)il[branch.NextOffset - 1]
            : branch.NextOffset + BitConverter.ToInt32(il, branch.NextOffset - 4);
}
