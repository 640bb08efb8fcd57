using System.Linq;
using Jidoka.Node.Hardware;

namespace Jidoka.BoardConfigs.Tests;

// The least a NodeCore needs to boot and step on the host: pins, a force reading, a vision score, a
// store in memory, a clock the test advances, and a link that is never connected.

internal sealed class TestClock : IMonotonicClock
{
    public ulong Now = 1_000_000;

    public ulong NowUs => Now;
}

internal sealed class TestPin(bool level) : IDigitalInput
{
    public bool Level = level;

    public bool Read() => Level;
}

internal sealed class TestOutput : IDigitalOutput
{
    public bool Energized;

    public void Write(bool energized) => Energized = energized;
}

internal sealed class TestForce : IForceSource
{
    private int _calls;

    public int Counts;

    public SensorReadStatus TryReadCounts(out int counts)
    {
        counts = Counts + (_calls++ & 1);
        return SensorReadStatus.NewReading;
    }
}

internal sealed class TestVision(TestClock clock) : IVisionSource
{
    public int Raw = 9500;

    public bool TryReadLatest(out int rawScore, out ulong producedMonoUs)
    {
        rawScore = Raw;
        producedMonoUs = clock.Now;
        return true;
    }
}

internal sealed class TestWatchdog : IWatchdog
{
    public int Kicks;

    public void Kick() => Kicks++;
}

internal sealed class TestStore(int slots, int slotSize) : IPersistentStore
{
    private readonly byte[][] _slots = Enumerable.Range(0, slots).Select(_ => new byte[slotSize]).ToArray();
    private readonly int[] _lengths = new int[slots];

    public int SlotCount => _slots.Length;

    public int SlotSizeBytes => slotSize;

    public bool TryRead(int slot, byte[] buffer, int offset, out int length)
    {
        length = _lengths[slot];
        System.Array.Copy(_slots[slot], 0, buffer, offset, length);
        return length > 0;
    }

    public void Write(int slot, byte[] buffer, int offset, int length)
    {
        System.Array.Copy(buffer, offset, _slots[slot], 0, length);
        _lengths[slot] = length;
    }

    public void Erase(int slot) => _lengths[slot] = 0;
}

internal sealed class OfflineLink : IMqttLink
{
    public bool IsConnected => false;

    public uint SessionCount => 0;

    public bool Publish(string topic, byte[] payload, int length, int qos, bool retain) => false;

    public bool Subscribe(string topicFilter, int qos) => false;
}
