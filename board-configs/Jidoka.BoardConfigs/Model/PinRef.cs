namespace Jidoka.BoardConfigs.Model;

/// <summary>A pin and where a technician finds it on the board.</summary>
public sealed record PinRef
{
    /// <summary>Pin name: "GPIO23" (ESP32), "PB5" (STM32) or "SIM20" (simulated).</summary>
    public required string Pin { get; init; }

    /// <summary>Header and silkscreen position, for the wiring table; absent on the simulated board.</summary>
    public string? Label { get; init; }
}
