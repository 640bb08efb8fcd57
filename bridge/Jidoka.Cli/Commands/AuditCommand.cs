using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Cli.Bridge;

namespace Jidoka.Cli.Commands;

/// <summary>jidoka audit verify: has the bridge verify its hash-chained audit log.</summary>
public static class AuditCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("audit", "The bridge's tamper-evident audit log.");
        var verify = new Command("verify", "Verify the audit log: exit 0 when intact, 1 when a record was edited, deleted or moved.");
        verify.SetAction((parse, cancellationToken) => VerifyAsync(context, parse, cancellationToken));
        command.Add(verify);
        return command;
    }

    private static async Task<int> VerifyAsync(CliContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        using BridgeClient client = context.Client(parse, TimeSpan.FromMinutes(5));
        AuditVerificationView result = await client.GetAsync<AuditVerificationView>("api/v1/audit/verify", cancellationToken).ConfigureAwait(false);
        if (parse.GetValue(context.Json))
        {
            await context.WriteJsonAsync(result).ConfigureAwait(false);
            return result.Intact ? ExitCodes.Ok : ExitCodes.Failed;
        }

        await context.Out.WriteLineAsync($"{result.RecordsChecked} audit records checked; head {result.HeadSeq} {result.HeadHash}").ConfigureAwait(false);
        foreach (AuditFindingView finding in result.Findings)
        {
            await context.Out.WriteLineAsync($"  record {finding.Seq}: {finding.Kind}: {finding.Message}").ConfigureAwait(false);
        }

        if (result.Intact)
        {
            await context.Out.WriteLineAsync("Audit log intact. Keep the head (sequence and hash) somewhere outside the bridge: it is what proves later that nothing was rewritten.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        throw new CliError(ExitCodes.Failed, $"audit log NOT intact: {result.Findings.Count} finding(s) above.");
    }
}
