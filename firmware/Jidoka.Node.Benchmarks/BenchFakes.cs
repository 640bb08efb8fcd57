using Jidoka.Node.Hardware;

namespace Jidoka.Node.Benchmarks;

// Minimal bus-level fakes: each costs a field read or write, so the figures are the core's.
internal sealed class BenchClock : IMonotonicClock
{
    public ulong Now = 1_000_000;

    public ulong NowUs => Now;
}

internal sealed class BenchPin : IDigitalInput
{
    public bool Level;

    public bool Read() => Level;
}

internal sealed class BenchOutput : IDigitalOutput
{
    public bool Level;

    public void Write(bool energized) => Level = energized;
}

internal sealed class BenchForce : IForceSource
{
    private bool _toggle;
    public int Counts = 100_000;
    public SensorReadStatus Status = SensorReadStatus.NewReading;

    public SensorReadStatus TryReadCounts(out int counts)
    {
        _toggle = !_toggle;
        counts = Counts + (_toggle ? 1 : 0);
        return Status;
    }
}

internal sealed class BenchVision : IVisionSource
{
    private readonly BenchClock _clock;
    public bool Present = true;
    public int Raw = 9000;

    public BenchVision(BenchClock clock) => _clock = clock;

    public bool TryReadLatest(out int rawScore, out ulong producedMonoUs)
    {
        rawScore = Raw;
        producedMonoUs = _clock.Now;
        return Present;
    }
}

internal sealed class BenchWatchdog : IWatchdog
{
    public int Kicks;

    public void Kick() => Kicks++;
}

internal sealed class BenchStore : IPersistentStore
{
    private readonly byte[][] _slots;
    private readonly int[] _lengths;

    public BenchStore(int slots, int size)
    {
        _slots = new byte[slots][];
        for (int i = 0; i < slots; i++)
        {
            _slots[i] = new byte[size];
        }

        _lengths = new int[slots];
        SlotSizeBytes = size;
    }

    public int SlotCount => _slots.Length;

    public int SlotSizeBytes { get; }

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

internal sealed class BenchLink : IMqttLink
{
    public bool IsConnected => false;

    public uint SessionCount => 0;

    public bool Publish(string topic, byte[] payload, int length, int qos, bool retain) => false;

    public bool Subscribe(string topicFilter, int qos) => false;
}
