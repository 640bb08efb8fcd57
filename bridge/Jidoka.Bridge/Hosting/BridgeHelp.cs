using System;
using System.Collections.Generic;
using System.Linq;

namespace Jidoka.Bridge.Hosting;

/// <summary>The bridge's own command line: --help, and options that are not settings.</summary>
public static class BridgeHelp
{
    /// <summary>The usage text.</summary>
    public const string Text = """
        Jidoka bridge: ingests frames and events from the cell nodes over MQTT, stores them (SQLite), opens
        cases for trips, and serves the twin feed, the web app and /metrics over HTTP.

        Usage:
          Jidoka.Bridge [--demo-nodes N] [--Bridge:SETTING VALUE]...
          Jidoka.Bridge verify-audit [--Bridge:Storage:DataFile FILE]
          Jidoka.Bridge --help

        Options:
          --demo-nodes N                      start N (0..200) simulated nodes against the bridge's own broker
          --Bridge:Broker:Port N              MQTT port of the embedded broker, or of the external one (1883)
          --Bridge:Broker:Mode External       use an existing broker (--Bridge:Broker:Host, UseTls, Username)
          --Bridge:Http:Port N                HTTP port of the twin feed and web app (8080)
          --Bridge:Storage:DataFile FILE      the SQLite data file (data/jidoka-bridge.db)
          --Bridge:HostId ID                  this bridge's id on the wire (bridge-1)
          --Logging:LogLevel:Default LEVEL    Information (default), Warning, Debug...

        Every setting of appsettings.json can be given as --Bridge:Section:Key VALUE or as an environment
        variable (Bridge__Broker__Port=1884); the full list is in docs/running-the-bridge.md. A misspelt or
        ill-typed setting stops the bridge with a one-line error (exit 2); a port already in use, exit 3.
        """;

    /// <summary>True when <paramref name="args"/> asks for help.</summary>
    public static bool Asked(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h" or "-?" or "help" or "/?");

    /// <summary>
    /// The first command-line word that is neither a setting (--Section:Key) nor an option the bridge or
    /// ASP.NET Core knows, or null. Settings themselves are checked by <see cref="SettingsValidator"/>.
    /// </summary>
    public static string? UnknownOption(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith('-'))
            {
                return $"Unexpected argument '{arg}'. Settings are given as --Bridge:Section:Key VALUE; run with --help.";
            }

            string key = arg.TrimStart('-').Split('=')[0];
            string section = key.Split(':')[0];
            bool known = key.Contains(':', StringComparison.Ordinal)
                ? section is "Bridge" or "Logging" or "Kestrel"
                : key is "demo-nodes" or "urls" or "environment" or "contentRoot" or "applicationName";
            if (!known)
            {
                return $"Unknown option '{arg}'. Run with --help for the options.";
            }

            if (!arg.Contains('=', StringComparison.Ordinal))
            {
                i++; // its value
            }
        }

        return null;
    }
}
