using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Jidoka.Protocol;
using Microsoft.AspNetCore.Http;

namespace Jidoka.Bridge.TwinFeed.Http;

/// <summary>
/// Decides who sends a command. With operator accounts configured, a command needs
/// <c>Authorization: Bearer TOKEN</c>; the token names the operator (the one the node and the audit log
/// record), and that operator must be allowed the command. Without accounts, commands are open and the
/// body's operator id is taken on trust, as the docs and the start-up warning say.
/// </summary>
public sealed class CommandAuthorizer
{
    /// <summary>The command names accounts can be given.</summary>
    public static IReadOnlyList<string> CommandNames { get; } = new[] { Reset, Policy };

    /// <summary>The reset command's name in <see cref="OperatorAccount.Commands"/>.</summary>
    public const string Reset = "reset";

    /// <summary>The policy command's name in <see cref="OperatorAccount.Commands"/>.</summary>
    public const string Policy = "policy";

    private readonly List<(byte[] Hash, OperatorAccount Account)> _accounts;

    /// <summary>Creates the authorizer over the validated <paramref name="options"/>.</summary>
    public CommandAuthorizer(TwinFeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _accounts = options.Operators.Select(a => (Convert.FromHexString(a.TokenSha256), a)).ToList();
    }

    /// <summary>True when commands need a token.</summary>
    public bool Enabled => _accounts.Count > 0;

    /// <summary>
    /// The operator id to send <paramref name="command"/> with, or a 401/403 problem. <paramref name="bodyOperator"/>
    /// is the operator the request body names (may be empty when a token names it).
    /// </summary>
    public (string OperatorId, IResult? Problem) Authorize(HttpRequest request, string command, string? bodyOperator)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enabled)
        {
            return (bodyOperator ?? "", null);
        }

        string header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length == scheme.Length)
        {
            return ("", Problems.Unauthenticated("Commands on this bridge need 'Authorization: Bearer <token>' (jidoka --token, or $JIDOKA_TOKEN)."));
        }

        byte[] presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        OperatorAccount? account = null;
        foreach ((byte[] hash, OperatorAccount candidate) in _accounts)
        {
            // Every account is compared, each in constant time: the answer's timing says nothing about the tokens.
            if (CryptographicOperations.FixedTimeEquals(hash, presented))
            {
                account = candidate;
            }
        }

        if (account == null)
        {
            return ("", Problems.Unauthenticated("The token is not one of this bridge's operator tokens."));
        }

        if (!account.Commands.Contains(command, StringComparer.Ordinal))
        {
            return ("", Problems.Forbidden($"Operator '{account.Id}' may not send '{command}' commands (allowed: {(account.Commands.Count == 0 ? "none" : string.Join(", ", account.Commands))})."));
        }

        if (!string.IsNullOrEmpty(bodyOperator) && !string.Equals(bodyOperator, account.Id, StringComparison.Ordinal))
        {
            // The record must name who actually acted: a token cannot sign for someone else.
            return ("", Problems.Forbidden($"The token belongs to operator '{account.Id}', but the request names '{bodyOperator}'."));
        }

        return (account.Id, null);
    }

    /// <summary>Why <paramref name="accounts"/> cannot be used, or null when they can.</summary>
    public static string? Check(IReadOnlyList<OperatorAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < accounts.Count; i++)
        {
            OperatorAccount a = accounts[i];
            string where = $"Bridge:Http:Operators:{i}";
            if (!Identifiers.IsValidPersonId(a.Id ?? ""))
            {
                return $"{where}:Id '{a.Id}' is not an operator id (the same rules as a command's operator).";
            }

            if (a.TokenSha256 is not { Length: 64 } || !a.TokenSha256.All(Uri.IsHexDigit))
            {
                return $"{where}:TokenSha256 must be the 64 hex digits of the token's SHA-256 (printf %s TOKEN | sha256sum).";
            }

            if (!ids.Add(a.Id!) || !hashes.Add(a.TokenSha256))
            {
                return $"{where}: operator '{a.Id}' or its token appears twice.";
            }

            foreach (string command in a.Commands ?? new List<string>())
            {
                if (!CommandNames.Contains(command, StringComparer.Ordinal))
                {
                    return $"{where}:Commands '{command}' is not a command (reset, policy).";
                }
            }
        }

        return null;
    }
}
