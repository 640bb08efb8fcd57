using System.Globalization;
using Jidoka.Bridge.Storage;

namespace Jidoka.Bridge.TwinFeed.Views;

/// <summary>Spellings the twin feed uses for values that are not protocol enums.</summary>
public static class ViewNames
{
    /// <summary>"node-synced", "node-holdover" or "bridge-receipt".</summary>
    public static string WallSource(WallTimeSource source) => source switch
    {
        WallTimeSource.NodeSynced => "node-synced",
        WallTimeSource.NodeHoldover => "node-holdover",
        WallTimeSource.BridgeReceipt => "bridge-receipt",
        _ => "unknown",
    };

    /// <summary>"open", "reset" or "recovered".</summary>
    public static string CaseStatus(Storage.CaseStatus status) => status switch
    {
        Storage.CaseStatus.Open => "open",
        Storage.CaseStatus.Reset => "reset",
        Storage.CaseStatus.Recovered => "recovered",
        _ => "unknown",
    };

    /// <summary>Parses a name produced by <see cref="CaseStatus"/>.</summary>
    public static bool TryParseCaseStatus(string name, out Storage.CaseStatus status)
    {
        status = name switch
        {
            "open" => Storage.CaseStatus.Open,
            "reset" => Storage.CaseStatus.Reset,
            "recovered" => Storage.CaseStatus.Recovered,
            _ => 0,
        };
        return status != 0;
    }

    /// <summary>A policy hash as status JSON writes it: 8 lowercase hex digits.</summary>
    public static string Hash(uint hash) => hash.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>A calibration tag as status JSON writes it: "{id}.{version}".</summary>
    public static string Calibration(CalibrationTag tag) => tag.ToString();
}
