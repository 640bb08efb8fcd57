using System;
using System.Collections.Generic;
using System.IO;
using Jidoka.Node.Hardware;

namespace Jidoka.Node.Tests;

// Bus-level fakes: a pin, a clock, a sensor, a store, a link. None of them allocates on the calls the
// trip loop makes, so the allocation test measures the core and nothing else.

public sealed class FakeClock : IMonotonicClock
{
    public ulong Now;

    public ulong NowUs => Now;

    public void Advance(ulong us) => Now += us;
}

public sealed class FakePin : IDigitalInput
{
    public bool Level;

    public FakePin(bool level) => Level = level;

    public bool Read() => Level;
}

public sealed class FakeOutput : IDigitalOutput
{
    public bool Energized;
    public int Writes;
    public FakeClock? Clock;
    public ulong WriteCostUs;

    public void Write(bool energized)
    {
        Clock?.Advance(WriteCostUs);
        Energized = energized;
        Writes++;
    }
}

public sealed class FakeForce : IForceSource
{
    private readonly FakeClock _clock;
    private int _calls;
    private bool _toggle;

    public FakeForce(FakeClock clock) => _clock = clock;

    public int Counts;

    // Alternates the lowest count bit, as a real converter's noise does, so the stuck check stays quiet.
    public bool Noise = true;

    // 1 = a new reading every call (MCU ADC at the loop rate); 12 ≈ HX711 at 80 samples/s under a 1 kHz loop.
    public int NewReadingEvery = 1;

    public SensorReadStatus Status = SensorReadStatus.NewReading;

    // Simulates a slow bus transaction (SPI clocking an HX711): the read itself costs loop time.
    public ulong ReadCostUs;

    public bool Throw;

    public SensorReadStatus TryReadCounts(out int counts)
    {
        if (Throw)
        {
            throw new InvalidOperationException("bus exploded");
        }

        _clock.Advance(ReadCostUs);
        counts = 0;
        if (Status != SensorReadStatus.NewReading)
        {
            return Status;
        }

        _calls++;
        if (_calls % NewReadingEvery != 0)
        {
            return SensorReadStatus.NotReady;
        }

        _toggle = !_toggle;
        counts = Counts + (Noise && _toggle ? 1 : 0);
        return SensorReadStatus.NewReading;
    }
}

public sealed class FakeVision : IVisionSource
{
    private readonly FakeClock _clock;

    public FakeVision(FakeClock clock) => _clock = clock;

    public bool Present = true;
    public int Raw = 9500;

    // When true the score is stamped "now" on every read (a vision system streaming at the loop rate).
    public bool Streaming = true;
    public ulong ProducedUs;

    public bool TryReadLatest(out int rawScore, out ulong producedMonoUs)
    {
        rawScore = Raw;
        producedMonoUs = Streaming ? _clock.Now : ProducedUs;
        return Present;
    }
}

public sealed class FakeWatchdog : IWatchdog
{
    public int Kicks;

    public void Kick() => Kicks++;
}

/// <summary>A store in memory that survives "reboots" (the rig reuses it) and can tear a write.</summary>
public sealed class MemoryStore : IPersistentStore
{
    private readonly byte[][] _slots;
    private readonly int[] _lengths;

    public MemoryStore(int slots, int slotSize)
    {
        _slots = new byte[slots][];
        _lengths = new int[slots];
        for (int i = 0; i < slots; i++)
        {
            _slots[i] = new byte[slotSize];
        }

        SlotSizeBytes = slotSize;
    }

    public int SlotCount => _slots.Length;

    public int SlotSizeBytes { get; }

    public int Writes;

    // When >= 0, the next write to a slot in [TearFromSlot, TearToSlot] stores only this many bytes and then
    // "loses power" (throws), as a flash page write cut short does.
    public int TearNextWriteAfterBytes = -1;
    public int TearFromSlot;
    public int TearToSlot = int.MaxValue;

    public bool FailWrites;
    public int FailFromSlot;
    public int FailToSlot = int.MaxValue;

    public bool TryRead(int slot, byte[] buffer, int offset, out int length)
    {
        length = _lengths[slot];
        if (length == 0)
        {
            return false;
        }

        Array.Copy(_slots[slot], 0, buffer, offset, length);
        return true;
    }

    public void Write(int slot, byte[] buffer, int offset, int length)
    {
        if (FailWrites && slot >= FailFromSlot && slot <= FailToSlot)
        {
            throw new IOException("flash write failed");
        }

        if (TearNextWriteAfterBytes >= 0 && slot >= TearFromSlot && slot <= TearToSlot)
        {
            int n = Math.Min(TearNextWriteAfterBytes, length);
            TearNextWriteAfterBytes = -1;
            Array.Copy(buffer, offset, _slots[slot], 0, n);
            _lengths[slot] = Math.Max(_lengths[slot], n);
            throw new IOException("power lost mid-write");
        }

        Writes++;
        Array.Copy(buffer, offset, _slots[slot], 0, length);
        _lengths[slot] = length;
    }

    public void Erase(int slot)
    {
        if (FailWrites)
        {
            throw new IOException("flash erase failed");
        }

        _lengths[slot] = 0;
    }

    public int LengthOf(int slot) => _lengths[slot];

    public byte[] Raw(int slot) => _slots[slot];
}

public sealed record Published(string Topic, byte[] Payload, int Qos, bool Retain);

public sealed class FakeLink : IMqttLink
{
    public bool Connected;
    public uint Sessions;
    public bool RefusePublish;
    public readonly List<Published> Sent = new();
    public readonly List<string> Subscriptions = new();

    public bool IsConnected => Connected;

    public uint SessionCount => Sessions;

    public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
    {
        if (!Connected || RefusePublish)
        {
            return false;
        }

        byte[] copy = new byte[length];
        Array.Copy(payload, copy, length);
        lock (Sent)
        {
            Sent.Add(new Published(topic, copy, qos, retain));
        }

        return true;
    }

    public bool Subscribe(string topicFilter, int qos)
    {
        if (!Connected)
        {
            return false;
        }

        Subscriptions.Add(topicFilter);
        return true;
    }
}
