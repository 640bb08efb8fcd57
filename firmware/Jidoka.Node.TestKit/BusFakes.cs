using System;
using Jidoka.Node.Hardware;

namespace Jidoka.Node.TestKit;

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
