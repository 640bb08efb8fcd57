using System;

namespace Jidoka.Boards.Logic.Tests;

/// <summary>
/// An HX711 at bus level, as the SPI peripheral sees it: it watches PD_SCK (the MOSI bits) and drives
/// DOUT, which MISO samples once per SPI bit after any edge in that bit has settled. Modelled on the
/// datasheet's timing diagram: DOUT low while a conversion is ready, one data bit (MSB first) after each
/// rising edge, DOUT high from the 25th rising edge on.
/// </summary>
internal sealed class SimulatedHx711
{
    private readonly int _value24;
    private bool _pdSck;
    private int _pulses;
    private bool _dout;

    public SimulatedHx711(int value24, bool ready = true)
    {
        _value24 = value24 & 0xFFFFFF;
        _dout = !ready;
    }

    /// <summary>Runs one full-duplex SPI transfer (mode 0, MSB first) and returns what MISO sampled.</summary>
    public byte[] Transfer(byte[] mosi)
    {
        var miso = new byte[mosi.Length];
        for (int bit = 0; bit < mosi.Length * 8; bit++)
        {
            bool level = ((mosi[bit >> 3] >> (7 - (bit & 7))) & 1) == 1;
            if (level && !_pdSck)
            {
                _dout = _pulses < 24 ? ((_value24 >> (23 - _pulses)) & 1) == 1 : true;
                _pulses++;
            }

            _pdSck = level;
            if (_dout)
            {
                miso[bit >> 3] |= (byte)(0x80 >> (bit & 7));
            }
        }

        return miso;
    }

    public static byte[] StuckMiso(bool high) => high ? [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] : new byte[7];

    public static int Expected(int value24) => (value24 & 0x800000) != 0 ? (value24 & 0xFFFFFF) - 0x1000000 : value24 & 0xFFFFFF;

    public static void Assert24(int value24)
    {
        if (value24 < 0 || value24 > 0xFFFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(value24));
        }
    }
}
