using System;
using System.Linq;
using System.Reflection;
using Jidoka.SimBoard.Time;
using Xunit;

namespace Jidoka.SimBoard.Tests;

/// <summary>The real-time warm-up compiles the node's code ahead of its first loop step.</summary>
public sealed class NodeCodeWarmupTests
{
    [Fact]
    public void Every_non_generic_method_body_of_the_node_protocol_and_board_assemblies_is_compiled()
    {
        NodeCodeWarmup.EnsureCompiled();
        NodeCodeWarmup.EnsureCompiled();

        // Counted independently: a warm-up that swallowed failures or skipped a kind of method would compile fewer.
        int expected = new[] { typeof(Jidoka.Node.NodeCore).Assembly, typeof(Jidoka.Protocol.Topics).Assembly, typeof(NodeCodeWarmup).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetMethods(All).Cast<MethodBase>().Concat(t.GetConstructors(All)))
            .Count(m => !m.IsAbstract && !m.ContainsGenericParameters && m.GetMethodBody() != null);
        Assert.True(expected > 1000, $"only {expected} methods found; the assemblies did not load as expected");
        Assert.Equal(expected, NodeCodeWarmup.MethodsCompiled);
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
}
