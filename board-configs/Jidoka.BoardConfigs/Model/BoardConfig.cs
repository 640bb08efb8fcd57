using System.Text.Json.Serialization;

namespace Jidoka.BoardConfigs.Model;

/// <summary>
/// One board file (board-configs/&lt;boardId&gt;.json) as typed data. Structure is guaranteed by
/// schema.json; the pin and limit rules by <see cref="Validation.BoardValidator"/>.
/// </summary>
public sealed record BoardConfig
{
    /// <summary>The "$schema" pointer editors use; ignored.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Format version, 1.</summary>
    public required int SchemaVersion { get; init; }

    /// <summary>Board id; equals the file name without ".json".</summary>
    public required string BoardId { get; init; }

    /// <summary>Human name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>nanoFramework firmware target; names targets/&lt;target&gt;.json.</summary>
    public required string Target { get; init; }

    /// <summary>The physical board and module.</summary>
    public required string Hardware { get; init; }

    /// <summary>Interlock channel pairs.</summary>
    public required InterlocksConfig Interlocks { get; init; }

    /// <summary>Local reset button.</summary>
    public required ResetButtonConfig ResetButton { get; init; }

    /// <summary>Run-permit output.</summary>
    public required StopOutputConfig StopOutput { get; init; }

    /// <summary>Andon output.</summary>
    public required AndonOutputConfig AndonOutput { get; init; }

    /// <summary>External watchdog kick.</summary>
    public required WatchdogKickConfig WatchdogKick { get; init; }

    /// <summary>HX711 on SPI.</summary>
    public required Hx711Config Hx711 { get; init; }

    /// <summary>MCU ADC force channel.</summary>
    public required ForceAdcConfig ForceAdc { get; init; }

    /// <summary>Which converter feeds the force channel.</summary>
    public required ForceSource ForceSource { get; init; }

    /// <summary>Vision UART.</summary>
    public required VisionLinkConfig VisionLink { get; init; }

    /// <summary>Network link.</summary>
    public required NetworkConfig Network { get; init; }

    /// <summary>Persistent store.</summary>
    public required StorageConfig Storage { get; init; }

    /// <summary>The target's clock and the shortest loop period it holds.</summary>
    public required LoopTimingConfig LoopTiming { get; init; }

    /// <summary>Default limits.</summary>
    public required PolicyConfig DefaultPolicy { get; init; }

    /// <summary>Default calibrations.</summary>
    public required CalibrationSetConfig DefaultCalibration { get; init; }
}
