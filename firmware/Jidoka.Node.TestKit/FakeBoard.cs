using Jidoka.Node.Config;
using Jidoka.Node.Hardware;
using Jidoka.Node.Store;

namespace Jidoka.Node.TestKit;

/// <summary>
/// One node's fakes wired as a board would wire its adapters: six interlock channels (closed), a reset
/// button (released), stop and andon outputs, a force source (100 N through unity gain), a streaming vision
/// score, a watchdog, an offline link, all on one <see cref="FakeClock"/> that starts at 1 s.
/// </summary>
public sealed class FakeBoard
{
    /// <summary>Slot size of the stores the kit makes, bytes (a journal slot needs 173).</summary>
    public const int SlotSizeBytes = 192;

    /// <summary>Creates the fakes.</summary>
    public FakeBoard()
    {
        Clock = new FakeClock { Now = 1_000_000 };
        Interlocks = new FakePin[NodeHardware.InterlockChannelCount];
        for (int i = 0; i < Interlocks.Length; i++)
        {
            Interlocks[i] = new FakePin(true);
        }

        Force = new FakeForce(Clock) { Counts = 100_000 };
        Vision = new FakeVision(Clock);
        StopPin.Clock = Clock;
    }

    /// <summary>The monotonic clock every fake reads.</summary>
    public FakeClock Clock { get; }

    /// <summary>Interlock channels, two per interlock (guard, light curtain, e-stop); true = closed.</summary>
    public FakePin[] Interlocks { get; }

    /// <summary>The local reset button.</summary>
    public FakePin Button { get; } = new(false);

    /// <summary>The stop output (energized = run).</summary>
    public FakeOutput StopPin { get; } = new();

    /// <summary>The andon output.</summary>
    public FakeOutput AndonPin { get; } = new();

    /// <summary>The force converter.</summary>
    public FakeForce Force { get; }

    /// <summary>The vision source.</summary>
    public FakeVision Vision { get; }

    /// <summary>The external watchdog.</summary>
    public FakeWatchdog Watchdog { get; } = new();

    /// <summary>The MQTT link (offline until a test connects it).</summary>
    public FakeLink Link { get; } = new();

    /// <summary>A store in memory sized for <paramref name="journalCapacity"/> journal slots.</summary>
    public static MemoryStore StoreFor(int journalCapacity) => new(StoreLayout.SlotsRequired(journalCapacity), SlotSizeBytes);

    /// <summary>The hardware boundary on these fakes and <paramref name="store"/>.</summary>
    public NodeHardware Hardware(IPersistentStore store) =>
        new(Clock, Interlocks, Button, StopPin, AndonPin, Force, Vision, Watchdog, store, Link, null);

    /// <summary>Opens both channels of interlock <paramref name="interlock"/> (0 = guard).</summary>
    public void OpenInterlock(int interlock)
    {
        Interlocks[2 * interlock].Level = false;
        Interlocks[(2 * interlock) + 1].Level = false;
    }
}
