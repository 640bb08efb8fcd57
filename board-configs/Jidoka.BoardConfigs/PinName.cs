using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Jidoka.BoardConfigs;

/// <summary>
/// A parsed pin name and the number nanoFramework's GpioController uses for it. ESP32: "GPIOn" is pin n.
/// STM32: "Pxn" is (port − 'A') × 16 + n, the numbering of nf-interpreter's ChibiOS GPIO driver
/// (targets/ChibiOS/_nanoCLR/System.Device.Gpio/cpu_gpio.cpp: pad = pinNumber % 16). Simulated: "SIMn" is n.
/// </summary>
public readonly record struct PinName
{
    private PinName(string text, string prefix, int index, int number)
    {
        Text = text;
        Prefix = prefix;
        Index = index;
        NanoFrameworkNumber = number;
    }

    /// <summary>The name as written, for example "PB5".</summary>
    public string Text { get; }

    /// <summary>"GPIO", "SIM", or the STM32 port ("PA".."PK").</summary>
    public string Prefix { get; }

    /// <summary>The number after the prefix.</summary>
    public int Index { get; }

    /// <summary>The pin number nanoFramework's GpioController uses.</summary>
    public int NanoFrameworkNumber { get; }

    /// <summary>Parses a pin name; false for anything that is not one of the three forms.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PinName? pin)
    {
        pin = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.StartsWith("GPIO", StringComparison.Ordinal) && TryIndex(text.AsSpan(4), 39, out int gpio))
        {
            pin = new PinName(text, "GPIO", gpio, gpio);
            return true;
        }

        if (text.StartsWith("SIM", StringComparison.Ordinal) && TryIndex(text.AsSpan(3), 999, out int sim))
        {
            pin = new PinName(text, "SIM", sim, sim);
            return true;
        }

        if (text.Length >= 3 && text[0] == 'P' && text[1] >= 'A' && text[1] <= 'K' && TryIndex(text.AsSpan(2), 15, out int pad))
        {
            pin = new PinName(text, text[..2], pad, ((text[1] - 'A') * 16) + pad);
            return true;
        }

        return false;
    }

    /// <summary>True when this pin lies in the inclusive range <paramref name="from"/>..<paramref name="to"/> of one prefix.</summary>
    public bool IsWithin(PinName from, PinName to) =>
        Prefix == from.Prefix && Prefix == to.Prefix && Index >= from.Index && Index <= to.Index;

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static bool TryIndex(ReadOnlySpan<char> digits, int max, out int value)
    {
        // No leading zeros: "GPIO04" would be a second spelling of GPIO4 and defeat the duplicate check.
        value = 0;
        bool canonical = digits.Length > 0 && (digits.Length == 1 || digits[0] != '0');
        return canonical
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value <= max;
    }
}
