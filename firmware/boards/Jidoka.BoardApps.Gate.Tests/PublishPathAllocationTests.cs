using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using Xunit;

namespace Jidoka.BoardApps.Gate.Tests;

/// <summary>
/// The MQTT link's publish path makes no array of its own for a frame: M2MqttLink.Publish hands M2Mqtt a
/// slot of the preallocated PublishBufferRing (QoS 0), and the only newarr reachable from it in app code
/// are the ring's reallocation when a slot's length changes and the QoS 1 copy M2Mqtt must keep until
/// the broker acknowledges. Read from the gate's IL, as the loop-path checks are.
/// </summary>
[Trait("Category", "Meta")]
public sealed class PublishPathAllocationTests
{
    public static TheoryData<string> Apps() => new(Paths.Apps);

    [Theory]
    [MemberData(nameof(Apps))]
    public void Publish_allocates_arrays_only_for_qos1_and_a_changed_frame_size(string app)
    {
        using var gate = new Meta(Paths.GateAssembly(app));
        var allocating = new SortedSet<string>(StringComparer.Ordinal);
        var calls = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<MethodDefinitionHandle>();
        var pending = new Stack<MethodDefinitionHandle>(gate.Methods("Jidoka.Boards.Adapters.Network.M2MqttLink", "Publish"));
        Assert.NotEmpty(pending);
        while (pending.Count > 0)
        {
            MethodDefinitionHandle current = pending.Pop();
            if (!visited.Add(current))
            {
                continue;
            }

            string where = gate.MemberKey(current);
            foreach (Instruction ins in gate.Instructions(current))
            {
                if (ins.OpCode == OpCodes.Newarr)
                {
                    allocating.Add(where);
                }
                else if (ins.OpCode == OpCodes.Call || ins.OpCode == OpCodes.Callvirt)
                {
                    EntityHandle target = System.Reflection.Metadata.Ecma335.MetadataTokens.EntityHandle(ins.Token);
                    calls.Add(gate.MemberKey(target));
                    if (target.Kind == HandleKind.MethodDefinition)
                    {
                        pending.Push((MethodDefinitionHandle)target);
                    }
                }
            }
        }

        Assert.Contains(calls, c => c.StartsWith("Jidoka.Boards.Logic.Network.PublishBufferRing::Fill", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.StartsWith("nanoFramework.M2Mqtt.MqttClient::Publish", StringComparison.Ordinal));
        Assert.Equal(
            new[] { "Jidoka.Boards.Adapters.Network.M2MqttLink::OwnCopy", "Jidoka.Boards.Logic.Network.PublishBufferRing::Fill" },
            allocating.Select(k => k.Split('(')[0]).ToArray());
    }
}
