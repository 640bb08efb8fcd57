using System;
using System.Device.Gpio;
using System.IO;

namespace Jidoka.Hil.Rig;

/// <summary>
/// Picks the bench rig from configuration: <c>JIDOKA_RIG=gpio</c> with <c>JIDOKA_RIG_PINMAP=/path/pinmap.json</c>
/// opens the System.Device.Gpio rig; nothing set means no rig, and the rig tests skip saying so.
/// </summary>
public static class RigSelection
{
    /// <summary>Environment variable selecting the rig kind.</summary>
    public const string RigVariable = "JIDOKA_RIG";

    /// <summary>Environment variable naming the pin map file.</summary>
    public const string PinMapVariable = "JIDOKA_RIG_PINMAP";

    /// <summary>How to enable the rig tests, for skip messages.</summary>
    public const string HowToEnable = "To run them on a bench: wire a Raspberry Pi to the node as in docs/hil.md (Real rig), copy hil-tests/rig/pinmap.example.json to match your wiring, then run JIDOKA_RIG=gpio JIDOKA_RIG_PINMAP=/path/to/pinmap.json dotnet test hil-tests/Jidoka.Hil.Tests --filter Category=Rig on the Pi.";

    /// <summary>Opens the configured rig; false (with the reason) when none is configured or it cannot be opened.</summary>
    public static bool TryOpen(out IRigIo? rig, out string reason)
    {
        rig = null;
        string? kind = Environment.GetEnvironmentVariable(RigVariable);
        if (string.IsNullOrEmpty(kind))
        {
            reason = $"No HIL rig attached: {RigVariable} is not set, so the bench tests (real node, real stop output) did not run and are not counted as passed. {HowToEnable}";
            return false;
        }

        if (kind != "gpio")
        {
            reason = $"{RigVariable}={kind} is not a rig this suite knows (only 'gpio'). {HowToEnable}";
            return false;
        }

        string? pinMap = Environment.GetEnvironmentVariable(PinMapVariable);
        if (string.IsNullOrEmpty(pinMap) || !File.Exists(pinMap))
        {
            reason = $"{RigVariable}=gpio but {PinMapVariable} ('{pinMap}') names no file. {HowToEnable}";
            return false;
        }

        try
        {
            rig = new GpioRigIo(new GpioController(), RigPinMap.Load(pinMap));
            reason = "";
            return true;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException or InvalidOperationException)
        {
            reason = $"{RigVariable}=gpio but the GPIO rig could not be opened: {ex.Message}. {HowToEnable}";
            return false;
        }
    }
}
