using System;
using System.CommandLine;
using System.IO;
using Jidoka.Cli.Bridge;

namespace Jidoka.Cli;

/// <summary>What every command needs: where to write, and the options shared by the bridge commands.</summary>
public sealed class CliContext
{
    /// <summary>Default bridge address, unless JIDOKA_BRIDGE says otherwise.</summary>
    public const string DefaultBridgeUrl = "http://localhost:8080";

    /// <summary>Creates the context.</summary>
    public CliContext(TextWriter output, TextWriter error)
    {
        Out = output ?? throw new ArgumentNullException(nameof(output));
        Error = error ?? throw new ArgumentNullException(nameof(error));
        Bridge = new Option<string>("--bridge")
        {
            Description = "The bridge's HTTP address ($JIDOKA_BRIDGE overrides the default).",
            Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("JIDOKA_BRIDGE") is { Length: > 0 } url ? url : DefaultBridgeUrl,
        };
        Token = new Option<string?>("--token")
        {
            Description = "Your operator token, for a bridge that requires one for commands ($JIDOKA_TOKEN is the default; prefer it, the command line is visible to other users).",
            Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("JIDOKA_TOKEN") is { Length: > 0 } token ? token : null,
        };
        Json = new Option<bool>("--json")
        {
            Description = "Read commands: print the answer as JSON (the bridge's own JSON, or the status documents) instead of a table, for scripts.",
            Recursive = true,
        };
        TimeoutSeconds = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for the bridge's answer.",
            Recursive = true,
            DefaultValueFactory = _ => 10,
        };
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>--bridge URL.</summary>
    public Option<string> Bridge { get; }

    /// <summary>--token: the operator's bearer token, or null.</summary>
    public Option<string?> Token { get; }

    /// <summary>--json: machine-readable output.</summary>
    public Option<bool> Json { get; }

    /// <summary>--timeout seconds.</summary>
    public Option<int> TimeoutSeconds { get; }

    /// <summary>
    /// The --operator a command is sent with: as given, or null when a --token ($JIDOKA_TOKEN) is given,
    /// since the bridge takes the operator from the token. Neither is a usage error.
    /// </summary>
    public string? OperatorOrToken(ParseResult parse, string? operatorId)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (string.IsNullOrEmpty(operatorId) && string.IsNullOrEmpty(parse.GetValue(Token)))
        {
            throw new CliError(ExitCodes.Usage, "--operator ID is required (or --token / $JIDOKA_TOKEN, whose operator the bridge then records).");
        }

        return string.IsNullOrEmpty(operatorId) ? null : operatorId;
    }

    /// <summary>Writes <paramref name="value"/> as indented JSON in the bridge's own spelling (camelCase names, names of values).</summary>
    public async System.Threading.Tasks.Task WriteJsonAsync<T>(T value)
    {
        var options = new System.Text.Json.JsonSerializerOptions(Jidoka.Bridge.Contracts.TwinJson.Options) { WriteIndented = true };
        await Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(value, options)).ConfigureAwait(false);
    }

    /// <summary>A client for the bridge the command line names; <paramref name="extra"/> is added to the timeout (a command that waits for a node).</summary>
    public BridgeClient Client(ParseResult parse, TimeSpan extra = default)
    {
        ArgumentNullException.ThrowIfNull(parse);
        int seconds = parse.GetValue(TimeoutSeconds);
        if (seconds < 1 || seconds > 600)
        {
            throw new CliError(ExitCodes.Usage, "--timeout must be 1..600 seconds.");
        }

        return new BridgeClient(parse.GetValue(Bridge)!, TimeSpan.FromSeconds(seconds) + extra, parse.GetValue(Token));
    }
}
