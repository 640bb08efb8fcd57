using System.Linq;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Node.Tests;

public sealed class CommandTests
{
    [Fact]
    public void Identify_blinks_the_andon_for_the_asked_duration_then_stops()
    {
        var rig = new NodeRig().BootAndArm();
        Assert.False(rig.AndonPin.Energized);
        var result = rig.Command(CommandType.Identify, operatorId: "", fill: c => c.IdentifyDurationSeconds = 2);
        Assert.Equal(CommandOutcome.Applied, result.Outcome);
        Assert.Equal(0ul, result.EventId);
        int toggles = 0;
        bool last = rig.AndonPin.Energized;
        for (int i = 0; i < 2100; i++)
        {
            rig.Step();
            if (rig.AndonPin.Energized != last)
            {
                toggles++;
                last = rig.AndonPin.Energized;
            }
        }

        // 2 s of a 2 Hz blink is eight half periods, give or take the phase at the start and the end.
        Assert.InRange(toggles, 7, 10);
        Assert.False(rig.AndonPin.Energized);
        int writes = rig.AndonPin.Writes;
        rig.Step(1000);
        Assert.Equal(writes, rig.AndonPin.Writes);
    }

    [Fact]
    public void A_command_for_another_node_is_rejected_and_journaled()
    {
        var rig = new NodeRig().BootAndArm();
        var result = rig.Command(CommandType.Tare, fill: c => { c.NodeId = "press-02"; c.TareChannel = InputChannel.Force; });
        Assert.Equal(CommandReason.WrongNode, result.Reason);
        Assert.Equal((byte)CommandReason.WrongNode, rig.LastJournaled(EventType.CommandRejected).Record.ReasonCode);
    }

    [Fact]
    public void State_changing_commands_without_an_operator_are_rejected()
    {
        var rig = new NodeRig().BootAndArm();
        foreach (var type in new[] { CommandType.ApplyPolicy, CommandType.SetCalibration, CommandType.Tare })
        {
            var result = rig.Command(type, operatorId: "", fill: c =>
            {
                c.Policy.CopyFrom(StandardPolicy.Create(30));
                c.Calibration.CopyFrom(StandardConfig.Calibration(InputChannel.Force, 5));
                c.TareChannel = InputChannel.Force;
            });
            Assert.Equal(CommandReason.MissingOperator, result.Reason);
        }

        Assert.Equal(7u, rig.C.Policy.PolicyId);
    }

    [Fact]
    public void A_status_request_publishes_status_now()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        int before = rig.PublishedStatus().Count;
        var result = rig.Command(CommandType.StatusRequest, operatorId: "");
        Assert.Equal(CommandOutcome.Applied, result.Outcome);
        rig.Service();
        Assert.Equal(before + 1, rig.PublishedStatus().Count);
    }

    [Fact]
    public void A_command_that_does_not_decode_is_counted_and_changes_nothing()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        int sent = rig.Link.Sent.Count;
        var junk = new byte[] { 1, 4, 1, 0, 0, 0 };
        Assert.True(rig.Core.Inbox.TryPost(rig.TopicOf(TopicKind.Command), junk, 0, junk.Length));
        rig.Service();
        Assert.Equal(1u, rig.Core.Comms.RejectedMessages);
        Assert.DoesNotContain(rig.Link.Sent.Skip(sent), p => p.Topic == rig.TopicOf(TopicKind.CommandResult));
    }
}
