using System;
using Jidoka.Node.Hardware;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Sensors;

/// <summary>
/// The SPI wiring an HX711 gets on the boards (DESIGN: clocked by SPI, never bit-banged, because an
/// interrupt in the middle of a bit-banged pulse can hold PD_SCK high past 60 µs and power the chip
/// down): MOSI drives PD_SCK, MISO reads DOUT, SCK is not connected. Each MOSI bit lasts one SPI clock
/// period; a "10" bit pair is one PD_SCK pulse. A transfer charges its bus time to the board's CPU.
/// </summary>
public sealed class SimulatedHx711Bus
{
    private readonly SimulatedHx711 _chip;
    private readonly IBoardTime _time;

    /// <summary>Wires <paramref name="chip"/> to an SPI bus at <paramref name="clockHz"/>.</summary>
    public SimulatedHx711Bus(SimulatedHx711 chip, IBoardTime time, int clockHz, ulong transferOverheadUs)
    {
        if (clockHz < 10_000 || clockHz > 10_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(clockHz));
        }

        _chip = chip ?? throw new ArgumentNullException(nameof(chip));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        ClockHz = clockHz;
        TransferOverheadUs = transferOverheadUs;
    }

    /// <summary>SPI clock, Hz.</summary>
    public int ClockHz { get; }

    /// <summary>Fixed cost of one transfer call on the device (driver and interpreter), µs.</summary>
    public ulong TransferOverheadUs { get; }

    /// <summary>Fault injection: transfers fail (the SPI driver reports an error).</summary>
    public bool FaultTransferError { get; set; }

    /// <summary>Transfers made, since creation.</summary>
    public long Transfers { get; private set; }

    /// <summary>DOUT as a GPIO read of the MISO pin: low means data ready.</summary>
    public bool ReadDout() => _chip.Dout;

    /// <summary>
    /// Full-duplex transfer: every bit of <paramref name="write"/> (MSB first) sets PD_SCK for one bit
    /// time; the DOUT level at the end of each bit time is shifted into <paramref name="read"/>. Returns
    /// false on an injected bus error (nothing clocked).
    /// </summary>
    public bool TransferFullDuplex(byte[] write, byte[] read)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(read);
        if (read.Length < write.Length)
        {
            throw new ArgumentException("read buffer shorter than write buffer", nameof(read));
        }

        _time.Consume(TransferOverheadUs);
        if (FaultTransferError)
        {
            return false;
        }

        Transfers++;
        ulong bitNs = 1_000_000_000UL / (ulong)ClockHz;
        ulong carriedNs = 0;
        for (int i = 0; i < write.Length; i++)
        {
            int inByte = 0;
            for (int bit = 7; bit >= 0; bit--)
            {
                bool high = ((write[i] >> bit) & 1) == 1;
                if (high)
                {
                    _chip.ClockRise();
                }
                else
                {
                    _chip.ClockFall();
                }

                carriedNs += bitNs;
                if (carriedNs >= 1000)
                {
                    _time.Consume(carriedNs / 1000);
                    carriedNs %= 1000;
                }

                inByte = (inByte << 1) | (_chip.Dout ? 1 : 0);
            }

            read[i] = (byte)inByte;
        }

        _chip.ClockFall();
        _chip.PdSckIdle();
        return true;
    }
}

/// <summary>
/// The board's HX711 driver as an <see cref="IForceSource"/>: checks DOUT (high = not ready, return at
/// once), else clocks 24 data pulses plus one gain pulse (channel A, gain 128) over SPI and returns the
/// sign-extended 24-bit count. It is what the ESP32 board adapter does, over the simulated bus.
/// </summary>
public sealed class Hx711ForceSource : IForceSource
{
    // 25 "10" pulse pairs = 50 bits, padded with zeros to 7 bytes (PD_SCK ends low).
    private static readonly byte[] Pattern = BuildPattern(25);
    private readonly SimulatedHx711Bus _bus;
    private readonly byte[] _read = new byte[Pattern.Length];

    /// <summary>Creates the driver on <paramref name="bus"/>.</summary>
    public Hx711ForceSource(SimulatedHx711Bus bus)
    {
        _bus = bus ?? throw new ArgumentNullException(nameof(bus));
    }

    /// <summary>Readings returned, since creation.</summary>
    public long Readings { get; private set; }

    /// <inheritdoc/>
    public SensorReadStatus TryReadCounts(out int counts)
    {
        counts = 0;
        if (_bus.ReadDout())
        {
            return SensorReadStatus.NotReady;
        }

        if (!_bus.TransferFullDuplex(Pattern, _read))
        {
            return SensorReadStatus.Fault;
        }

        // Data bit k is on DOUT after rising edge k+1, i.e. at the end of MOSI bit 2k (the high half).
        int raw = 0;
        for (int k = 0; k < 24; k++)
        {
            int bitIndex = 2 * k;
            int bit = (_read[bitIndex / 8] >> (7 - (bitIndex % 8))) & 1;
            raw = (raw << 1) | bit;
        }

        counts = (raw << 8) >> 8;
        Readings++;
        return SensorReadStatus.NewReading;
    }

    private static byte[] BuildPattern(int pulses)
    {
        int bits = pulses * 2;
        byte[] pattern = new byte[(bits + 7) / 8];
        for (int p = 0; p < pulses; p++)
        {
            int bitIndex = 2 * p;
            pattern[bitIndex / 8] |= (byte)(1 << (7 - (bitIndex % 8)));
        }

        return pattern;
    }
}
