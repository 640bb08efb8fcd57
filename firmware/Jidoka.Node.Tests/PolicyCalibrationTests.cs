using System.Linq;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Node.Tests;

public sealed class PolicyCalibrationTests
{
    private static void Trip(NodeRig rig)
    {
        rig.Interlocks[0].Level = false;
        rig.Interlocks[1].Level = false;
        rig.Step();
        rig.Interlocks[0].Level = true;
        rig.Interlocks[1].Level = true;
        rig.Step(10);
        Assert.Equal(TripState.Tripped, rig.Core.State);
    }

    private static CommandResultMessage ApplyPolicy(NodeRig rig, PolicyRecord policy, bool changeover = false) =>
        rig.Command(CommandType.ApplyPolicy, fill: c =>
        {
            c.Policy.CopyFrom(policy);
            c.Flags = changeover ? CommandFlags.Changeover : (byte)0;
        });

    [Fact]
    public void A_valid_policy_applies_at_once_when_armed_and_every_later_frame_and_event_names_it()
    {
        var rig = new NodeRig().BootAndArm();
        var policy = StandardPolicy.Create(8);
        policy.ForceLimitMilliNewtons = 400_000;
        var result = ApplyPolicy(rig, policy);
        Assert.Equal(CommandOutcome.Applied, result.Outcome);
        var applied = rig.LastJournaled(EventType.PolicyApplied);
        Assert.Equal(8u, applied.Record.Argument);
        Assert.Equal(8u, applied.Provenance.PolicyId);
        Assert.Equal(policy.ComputeHash(), applied.Provenance.PolicyHash);

        // The new limit is in force: 420 N now trips.
        rig.SetForceMilliNewtons(420_000);
        rig.Step(3);
        var trip = rig.LastJournaled(EventType.Trip);
        Assert.Equal(400_000, trip.Record.LimitValue);
        Assert.Equal(8u, trip.Provenance.PolicyId);
    }

    [Fact]
    public void A_policy_received_while_tripped_is_staged_and_applied_on_reset()
    {
        var rig = new NodeRig().BootAndArm();
        Trip(rig);
        var result = ApplyPolicy(rig, StandardPolicy.Create(9));
        Assert.Equal(CommandOutcome.Staged, result.Outcome);
        Assert.Equal(7u, rig.C.Policy.PolicyId);
        Assert.Equal(9u, rig.LastJournaled(EventType.PolicyStaged).Record.Argument);

        // Status changes are published at most once per second.
        rig.Clock.Advance(1_000_000);
        rig.Service();
        Assert.Equal(9u, rig.PublishedStatus().Last().StagedPolicyId);

        Assert.Equal(CommandOutcome.Applied, rig.Command(CommandType.Reset).Outcome);
        Assert.Equal(9u, rig.C.Policy.PolicyId);
        Assert.False(rig.C.HasStagedPolicy);
        var journal = rig.Journal();
        var reset = journal.Last(e => e.Type == EventType.Reset);
        var applied = journal.Last(e => e.Type == EventType.PolicyApplied);
        Assert.True(applied.EventId > reset.EventId);
        Assert.Equal(9u, applied.Provenance.PolicyId);
    }

    [Fact]
    public void A_changeover_applies_a_policy_even_while_tripped()
    {
        var rig = new NodeRig().BootAndArm();
        Trip(rig);
        var result = ApplyPolicy(rig, StandardPolicy.Create(10), changeover: true);
        Assert.Equal(CommandOutcome.Applied, result.Outcome);
        Assert.Equal(10u, rig.C.Policy.PolicyId);
        Assert.Equal(TripState.Tripped, rig.Core.State);
    }

    [Fact]
    public void An_invalid_policy_is_rejected_with_its_problem_journaled_and_changes_nothing()
    {
        var rig = new NodeRig().BootAndArm();
        var bad = StandardPolicy.Create(11);
        bad.ForceWarnMilliNewtons = 500_000; // above the limit
        var result = ApplyPolicy(rig, bad);
        Assert.Equal(CommandOutcome.Rejected, result.Outcome);
        Assert.Equal(CommandReason.InvalidPolicy, result.Reason);
        Assert.Equal((byte)PolicyProblem.ForceWarn, result.Detail);
        var rejected = rig.LastJournaled(EventType.PolicyRejected);
        Assert.Equal((byte)PolicyProblem.ForceWarn, rejected.Record.ReasonCode);
        Assert.Equal(11u, rejected.Record.Argument);
        Assert.Equal(result.EventId, rejected.EventId);
        Assert.Equal(7u, rig.C.Policy.PolicyId);
    }

    [Fact]
    public void Active_and_staged_policies_survive_a_reboot()
    {
        var rig = new NodeRig().BootAndArm();
        ApplyPolicy(rig, StandardPolicy.Create(21));
        Trip(rig);
        ApplyPolicy(rig, StandardPolicy.Create(22));
        rig.Service();

        var after = rig.Reboot();
        after.Core.Boot(0, false);
        Assert.Equal(21u, after.C.Policy.PolicyId);
        Assert.True(after.C.HasStagedPolicy);
        Assert.Equal(22u, after.C.StagedPolicy.PolicyId);
        Assert.Equal(TripState.Tripped, after.Core.State);
    }

    [Fact]
    public void Set_calibration_changes_the_readings_and_the_tags_and_is_journaled_and_persisted()
    {
        var rig = new NodeRig().BootAndArm();
        rig.SetForceMilliNewtons(100_000);
        var cal = StandardConfig.Calibration(InputChannel.Force, 40, 1, gain: 2 * CalibrationRecord.UnityGainMicro, offset: 0);
        var result = rig.Command(CommandType.SetCalibration, fill: c => c.Calibration.CopyFrom(cal));
        Assert.Equal(CommandOutcome.Applied, result.Outcome);
        rig.Step();
        Assert.InRange(rig.C.Force.ForceMilliNewtons, 200_000, 200_002);
        var changed = rig.LastJournaled(EventType.CalibrationChanged);
        Assert.Equal(InputChannel.Force, changed.Record.Channel);
        Assert.Equal((40u << 16) | 1u, changed.Record.Argument);
        Assert.Equal(40, changed.Provenance.ForceCalibrationId);
        rig.Service();

        var after = rig.Reboot();
        after.Core.Boot(0, false);
        Assert.Equal(40, after.C.Force.Calibration.CalibrationId);
        Assert.Equal(2 * CalibrationRecord.UnityGainMicro, after.C.Force.Calibration.GainMicroUnitsPerCount);
    }

    [Fact]
    public void An_invalid_calibration_is_rejected_with_its_problem()
    {
        var rig = new NodeRig().BootAndArm();
        var cal = StandardConfig.Calibration(InputChannel.Force, 41, 1, gain: 0);
        var result = rig.Command(CommandType.SetCalibration, fill: c => c.Calibration.CopyFrom(cal));
        Assert.Equal(CommandReason.InvalidCalibration, result.Reason);
        Assert.Equal((byte)CalibrationProblem.Gain, result.Detail);
        Assert.Equal(12, rig.C.Force.Calibration.CalibrationId);
        Assert.Equal((byte)CommandReason.InvalidCalibration, rig.LastJournaled(EventType.CommandRejected).Record.ReasonCode);
    }

    [Fact]
    public void Tare_zeroes_the_force_at_the_current_reading_as_a_new_calibration_version()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Force.Noise = false;
        rig.SetForceMilliNewtons(30_000);
        rig.Step();
        var result = rig.Command(CommandType.Tare, fill: c => c.TareChannel = InputChannel.Force);
        Assert.Equal(CommandOutcome.Applied, result.Outcome);
        rig.Step();
        Assert.Equal(0, rig.C.Force.ForceMilliNewtons);
        Assert.Equal(4, rig.C.Force.Calibration.Version);
        var tare = rig.LastJournaled(EventType.Tare);
        Assert.Equal(30_000, tare.Record.ObservedValue);
        Assert.Equal((12u << 16) | 4u, tare.Record.Argument);
        rig.Service();
        var after = rig.Reboot();
        after.Core.Boot(0, false);
        Assert.Equal(30_000, after.C.Force.Calibration.OffsetCounts);
    }

    [Fact]
    public void Tare_of_the_vision_channel_is_an_invalid_argument()
    {
        var rig = new NodeRig().BootAndArm();
        var result = rig.Command(CommandType.Tare, fill: c => c.TareChannel = InputChannel.Vision);
        Assert.Equal(CommandReason.InvalidArgument, result.Reason);
    }
}
