using System.Globalization;

namespace Jidoka.Bridge.Storage;

/// <summary>Which calibration of a channel applied: its id and version, as frames, events and status carry them.</summary>
/// <param name="Id">Calibration id (0: none set).</param>
/// <param name="Version">Calibration version.</param>
public readonly record struct CalibrationTag(ushort Id, ushort Version)
{
    /// <summary>"{id}.{version}", as status JSON and the twin feed write it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id}.{Version}");
}
