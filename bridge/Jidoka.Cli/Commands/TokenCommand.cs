using System;
using System.CommandLine;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jidoka.Protocol;

namespace Jidoka.Cli.Commands;

/// <summary>
/// jidoka token new --operator &lt;id&gt; [--command reset|policy]…: makes an operator token and the
/// Bridge:Http:Operators entry that admits it, so nobody has to assemble a SHA-256 by hand.
/// </summary>
public static class TokenCommand
{
    /// <summary>Random bytes in a token (printed as hex: 48 characters).</summary>
    public const int TokenBytes = 24;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var op = new Option<string>("--operator") { Description = "The operator id the token will stand for.", Required = true };
        var commands = new Option<string[]>("--command")
        {
            Description = "A command the operator may send: reset, policy (repeat for both). Default: reset.",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => new[] { "reset" },
        };
        var create = new Command("new", "Make a new operator token: prints the token (for the person, once) and the settings entry (for the bridge, which keeps only its SHA-256).") { op, commands };
        create.SetAction(parse => New(context, parse.GetValue(op)!, parse.GetValue(commands)!));
        return new Command("token", "Operator tokens for a bridge that requires them for commands (docs/operations.md).") { create };
    }

    private static int New(CliContext context, string operatorId, string[] commands)
    {
        if (!Identifiers.IsValidPersonId(operatorId))
        {
            throw new CliError(ExitCodes.Usage, $"--operator '{operatorId}' is not an operator id (letters, digits, '-', '_', '.', '@'; up to {ProtocolLimits.PersonIdMaxLength}).");
        }

        string? unknown = commands.FirstOrDefault(c => c is not ("reset" or "policy"));
        if (unknown != null)
        {
            throw new CliError(ExitCodes.Usage, $"--command '{unknown}' is not a command (reset, policy).");
        }

        string token = Convert.ToHexString(RandomNumberGenerator.GetBytes(TokenBytes)).ToLowerInvariant();
        string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();
        string entry = JsonSerializer.Serialize(new { Id = operatorId, TokenSha256 = hash, Commands = commands.Distinct(StringComparer.Ordinal).ToArray() });
        context.Out.WriteLine($"token for {operatorId} (give it to them once; the bridge cannot show it again): {token}");
        context.Out.WriteLine($"add to Bridge:Http:Operators in the bridge's settings: {entry}");
        return ExitCodes.Ok;
    }
}
