using FsCheck.Xunit;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;

namespace Jidoka.Node.Tests;

public sealed class PropertyTests
{
    // Each byte of the script is one stimulus followed by one step: force levels (normal, warning band,
    // over the limit, out of range), sensor silence and bus errors, slow reads (overruns), vision drops,
    // interlock channels flipping, the reset button, reset and policy commands, outages.
    [Property(MaxTest = 300)]
    public bool Random_input_sequences_never_throw_and_never_leave_the_output_energized_while_tripped(byte[] script)
    {
        var rig = new NodeRig().BootAndArm();
        rig.Link.Connected = true;
        foreach (byte b in script)
        {
            int arg = b >> 4;
            switch (b & 0x0F)
            {
                case 0: rig.SetForceMilliNewtons(100_000 + (arg * 1000)); break;
                case 1: rig.SetForceMilliNewtons(360_000 + (arg * 10_000)); break;
                case 2: rig.SetForceMilliNewtons(arg < 8 ? 1_500_000 : -100_000); break;
                case 3: rig.Force.Status = arg < 8 ? Hardware.SensorReadStatus.NotReady : Hardware.SensorReadStatus.Fault; break;
                case 4: rig.Force.Status = Hardware.SensorReadStatus.NewReading; break;
                case 5: rig.Force.ReadCostUs = (ulong)arg * 100; break;
                case 6: rig.Vision.Raw = arg * 700; break;
                case 7: rig.Vision.Present = arg < 12; break;
                case 8: rig.Interlocks[arg % 6].Level = !rig.Interlocks[arg % 6].Level; break;
                case 9: rig.Core.OnInterlockEdge(arg % 6); break;
                case 10: rig.Button.Level = !rig.Button.Level; break;
                case 11: rig.Command(CommandType.Reset, arg < 12 ? "op.kim" : ""); break;
                case 12: rig.Command(CommandType.ApplyPolicy, fill: c => { c.Policy.CopyFrom(StandardPolicy.Create((uint)(arg + 1))); c.Flags = (byte)(arg & 1); }); break;
                case 13: rig.Link.Connected = !rig.Link.Connected; break;
                case 14: rig.Clock.Advance((ulong)arg * 20_000); break;
                default: rig.Step(arg); break;
            }

            rig.Step();
            rig.Service();
            TripState state = rig.Core.State;
            if (rig.StopPin.Energized && state != TripState.Armed)
            {
                return false;
            }

            if (rig.C.Latch.IsTripped && (rig.StopPin.Energized || rig.C.Stop.IsEnergized))
            {
                return false;
            }
        }

        return rig.C.LoopFaults == 0 && rig.Core.Comms.ServiceFaults == 0 && rig.C.Journal.ProtectedLost == 0;
    }
}
