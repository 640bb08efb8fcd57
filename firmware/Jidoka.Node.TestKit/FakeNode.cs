using System;
using Jidoka.Node.Config;
using Jidoka.Node.Hardware;
using Jidoka.Protocol;

namespace Jidoka.Node.TestKit;

/// <summary>
/// The real node core on a <see cref="FakeBoard"/>, stepped on its virtual clock: boot until armed, step,
/// trip on the guard. Enough for tests about configurations and stores; the node tests' NodeRig adds the
/// bridge's side (inbox, acks, decoded publications).
/// </summary>
public sealed class FakeNode
{
    /// <summary>Builds the core for <paramref name="config"/> on <paramref name="store"/> (a new board unless given).</summary>
    public FakeNode(NodeConfig config, IPersistentStore store, FakeBoard? board = null)
    {
        Board = board ?? new FakeBoard();
        Core = new NodeCore(config, Board.Hardware(store));
    }

    /// <summary>The fakes.</summary>
    public FakeBoard Board { get; }

    /// <summary>The node core.</summary>
    public NodeCore Core { get; }

    /// <summary>Advances the clock one loop period of the active policy and steps, <paramref name="count"/> times.</summary>
    public void Step(int count = 1)
    {
        for (int i = 0; i < count; i++)
        {
            Board.Clock.Advance(Core.LoopPeriodUs);
            Core.Step();
        }
    }

    /// <summary>Boots and steps until armed (interlocks need their debounce time to count as closed).</summary>
    /// <exception cref="InvalidOperationException">Not armed after <paramref name="maxSteps"/> steps.</exception>
    public FakeNode BootAndArm(int maxSteps = 100)
    {
        Core.Boot(0, false);
        for (int i = 0; i < maxSteps && Core.State != TripState.Armed; i++)
        {
            Step();
        }

        if (Core.State != TripState.Armed)
        {
            throw new InvalidOperationException("node did not arm in " + maxSteps + " steps");
        }

        return this;
    }

    /// <summary>Opens both guard channels, reports the edge and steps once.</summary>
    public void TripOnGuard()
    {
        Board.OpenInterlock(0);
        Core.OnInterlockEdge(0);
        Step();
    }
}
