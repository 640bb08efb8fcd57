using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Cli.Bridge;

namespace Jidoka.Cli.Commands;

/// <summary>jidoka policy check|apply &lt;file&gt;: validates a policy file, and pushes it to nodes through the bridge.</summary>
public static class PolicyCommand
{
    /// <summary>Largest policy file read, bytes.</summary>
    public const int MaxFileBytes = 16 * 1024;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("policy", "Policy files: check one, or apply it to nodes (format: docs/operations.md).");
        var checkFile = new Argument<string>("file") { Description = "The policy file (JSON)." };
        var check = new Command("check", "Read and validate a policy file without sending it (the checks the bridge and the node run).") { checkFile };
        check.SetAction(parse => Check(context, parse.GetValue(checkFile)!));

        var applyFile = new Argument<string>("file") { Description = "The policy file (JSON)." };
        var nodes = new Option<string[]>("--node") { Description = "Node(s) to apply it to (repeat the option for several).", Required = true, AllowMultipleArgumentsPerToken = true };
        var op = new Option<string?>("--operator") { Description = "Your operator id (recorded with the policy version and in the audit log); optional with --token, which names the operator." };
        var changeover = new Option<bool>("--changeover") { Description = "Apply even on a tripped node (otherwise a tripped node stages it until reset)." };
        var wait = new Option<int>("--wait-ms") { Description = "How long to wait for each node's answer, ms.", DefaultValueFactory = _ => 5000 };
        var apply = new Command("apply", "Validate a policy file, then have the bridge store it and push it to each node.") { applyFile, nodes, op, changeover, wait };
        apply.SetAction((parse, cancellationToken) => ApplyAsync(
            context, parse, parse.GetValue(applyFile)!, parse.GetValue(nodes)!, context.OperatorOrToken(parse, parse.GetValue(op)), parse.GetValue(changeover), parse.GetValue(wait), cancellationToken));
        command.Add(check);
        command.Add(apply);
        return command;
    }

    /// <summary>Reads and checks <paramref name="path"/>; a bad file is a <see cref="CliError"/> with exit code 5 naming the problem.</summary>
    public static PolicyDocument Read(string path)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                throw new CliError(ExitCodes.BadInput, $"{path}: larger than {MaxFileBytes} bytes; not a policy file.");
            }

            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliError(ExitCodes.BadInput, $"{path}: cannot read the file ({ex.Message.TrimEnd('.')}).", ex);
        }

        PolicyFileResult result = PolicyFile.Parse(text);
        if (!result.IsValid)
        {
            throw new CliError(ExitCodes.BadInput, $"{path}: {result.Message.TrimEnd('.')}.");
        }

        return PolicyFile.ToDocument(result.Policy!);
    }

    private static int Check(CliContext context, string path)
    {
        PolicyDocument document = Read(path);
        PolicyFileResult result = PolicyFile.FromDocument(document);
        context.Out.WriteLine($"{path}: {result.Message}");
        return ExitCodes.Ok;
    }

    private static async Task<int> ApplyAsync(
        CliContext context, ParseResult parse, string path, IReadOnlyList<string> nodes, string? operatorId, bool changeover, int waitMs, CancellationToken cancellationToken)
    {
        CommandOutput.CheckWait(waitMs);
        PolicyDocument document = Read(path);
        using BridgeClient client = context.Client(parse, TimeSpan.FromMilliseconds(waitMs));
        int worst = ExitCodes.Ok;
        foreach (string node in nodes)
        {
            try
            {
                CommandResultView result = await client.PostAsync<PolicyApplyRequest, CommandResultView>(
                    $"api/v1/nodes/{QueryString.Segment(node)}/policy?waitMs={waitMs.ToString(CultureInfo.InvariantCulture)}",
                    new PolicyApplyRequest { Operator = operatorId, Changeover = changeover, Policy = document },
                    cancellationToken).ConfigureAwait(false);
                await CommandOutput.ReportAsync(context, result, $"policy {document.PolicyId}").ConfigureAwait(false);
            }
            catch (CliError ex) when (nodes.Count > 1 && ex.ExitCode != ExitCodes.Unreachable)
            {
                // One node refusing must not keep the policy from the others; the exit code still says so.
                await context.Error.WriteLineAsync("jidoka: " + node + ": " + ex.Message).ConfigureAwait(false);
                worst = worst == ExitCodes.Ok ? ex.ExitCode : worst;
            }
        }

        return worst;
    }

    /// <summary>A policy file's text for <paramref name="document"/> (indented, as a person would write it).</summary>
    public static string Write(PolicyDocument document) =>
        JsonSerializer.Serialize(document, new JsonSerializerOptions(TwinJson.Options) { WriteIndented = true });
}
