using System;
using Jidoka.Node.Config;
using Jidoka.Protocol;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Io;

/// <summary>
/// The six interlock channel pins (guard, light curtain, e-stop; two channels each) in the bit order of
/// <see cref="InterlockBits"/>, all closed (healthy) at creation, with helpers for what a cell does to
/// them: open or close an interlock (both channels), open one channel only (a discrepancy), bounce, stick.
/// </summary>
public sealed class InterlockBank
{
    private static readonly string[] Names = { "guard-a", "guard-b", "curtain-a", "curtain-b", "estop-a", "estop-b" };

    /// <summary>Creates the six pins, closed.</summary>
    public InterlockBank(ISimScheduler scheduler, SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Pins = new SimulatedPin[NodeHardware.InterlockChannelCount];
        for (int i = 0; i < Pins.Length; i++)
        {
            Pins[i] = new SimulatedPin(Names[i], true, scheduler, random.Fork(Names[i]));
        }
    }

    /// <summary>The pins, index = channel (0 guard A … 5 e-stop B).</summary>
    public SimulatedPin[] Pins { get; }

    /// <summary>Channel A index of <paramref name="interlock"/> (guard 0, light curtain 2, e-stop 4).</summary>
    public static int ChannelA(InputChannel interlock) => interlock switch
    {
        InputChannel.Guard => 0,
        InputChannel.LightCurtain => 2,
        InputChannel.EStop => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(interlock), "not an interlock"),
    };

    /// <summary>Opens both channels of <paramref name="interlock"/> (channel A first, as a real switch's contacts part a little apart).</summary>
    public void Open(InputChannel interlock)
    {
        int a = ChannelA(interlock);
        Pins[a].Set(false);
        Pins[a + 1].Set(false);
    }

    /// <summary>Closes both channels of <paramref name="interlock"/>.</summary>
    public void Close(InputChannel interlock)
    {
        int a = ChannelA(interlock);
        Pins[a].Set(true);
        Pins[a + 1].Set(true);
    }

    /// <summary>Sets one channel (index 0..5) on its own: opening only one channel of a pair is a discrepancy.</summary>
    public void SetChannel(int index, bool closed) => Pins[index].Set(closed);

    /// <summary>Applies <paramref name="bounce"/> to every channel (null: clean contacts).</summary>
    public void SetBounce(BounceSpec? bounce)
    {
        foreach (SimulatedPin pin in Pins)
        {
            pin.Bounce = bounce;
        }
    }

    /// <summary>Bits as the pins read now (1 = closed).</summary>
    public byte ReadBits()
    {
        int bits = 0;
        for (int i = 0; i < Pins.Length; i++)
        {
            if (Pins[i].Read())
            {
                bits |= 1 << i;
            }
        }

        return (byte)bits;
    }
}
