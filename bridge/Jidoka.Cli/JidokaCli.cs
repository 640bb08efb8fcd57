using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Cli.Commands;

namespace Jidoka.Cli;

/// <summary>
/// The jidoka command line: builds the commands, runs one, and turns every failure into one line on
/// standard error and an exit code (<see cref="ExitCodes"/>). Tests call <see cref="RunAsync"/> with
/// their own writers; Program passes the console.
/// </summary>
public static class JidokaCli
{
    /// <summary>Runs the command line <paramref name="args"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(output, error);
        RootCommand root = Build(context);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError parseError in parse.Errors)
            {
                await error.WriteLineAsync("jidoka: " + parseError.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'jidoka --help' for the commands and options.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (CliError ex)
        {
            await error.WriteLineAsync("jidoka: " + ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }
    }

    /// <summary>The command tree.</summary>
    public static RootCommand Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand(
            "Jidoka cell nodes: node status straight from the MQTT broker, and nodes, cases, resets, policies, audit and metrics through the bridge. "
            + "Exit codes: 0 ok, 1 refused or not intact, 2 usage, 3 broker or bridge unreachable, 4 unknown node or case, 5 bad file or value, 6 operator token missing or not allowed.");
        root.Add(context.Bridge);
        root.Add(context.TimeoutSeconds);
        root.Add(context.Token);
        root.Add(context.Json);
        foreach (Command command in new[]
        {
            StatusCommand.Create(context),
            NodesCommand.Create(context),
            CasesCommand.Create(context),
            CaseCommand.Create(context),
            ResetCommand.Create(context),
            PolicyCommand.Create(context),
            AuditCommand.Create(context),
            MetricsCommand.Create(context),
            TokenCommand.Create(context),
        })
        {
            root.Add(command);
        }

        root.SetAction(parse =>
        {
            // No command: show what there is rather than nothing.
            context.Out.WriteLine("Commands: " + string.Join(", ", root.Subcommands.Select(c => c.Name)) + ". Run 'jidoka --help' for more.");
            return ExitCodes.Usage;
        });
        return root;
    }
}
