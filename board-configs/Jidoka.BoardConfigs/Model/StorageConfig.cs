namespace Jidoka.BoardConfigs.Model;

/// <summary>Where the persistent store (journal, counters, policy, calibration) lives.</summary>
public sealed record StorageConfig
{
    /// <summary>The API the store uses ("nanoFramework.System.IO.FileSystem" or "host-file-system").</summary>
    public required string Api { get; init; }

    /// <summary>Root directory, for example "I:\".</summary>
    public required string Root { get; init; }

    /// <summary>What backs it physically.</summary>
    public required string Backing { get; init; }

    /// <summary>False when the published firmware lacks the store and a custom build is needed.</summary>
    public required bool InStockFirmware { get; init; }

    /// <summary>What a technician or the next engineer needs to know.</summary>
    public string? Note { get; init; }
}
