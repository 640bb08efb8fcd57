using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;

namespace Jidoka.Cli.Commands;

/// <summary>How reset and policy commands report the node's answer.</summary>
public static class CommandOutput
{
    /// <summary>Longest --wait-ms, the bridge's own bound.</summary>
    public const int MaxWaitMs = 30000;

    /// <summary>Throws a usage error for a --wait-ms outside 0..30000.</summary>
    public static void CheckWait(int waitMs)
    {
        if (waitMs < 0 || waitMs > MaxWaitMs)
        {
            throw new CliError(ExitCodes.Usage, $"--wait-ms must be 0..{MaxWaitMs}.");
        }
    }

    /// <summary>Prints the outcome; a refusal or a missing answer is an error line and exit code 1.</summary>
    public static async Task<int> ReportAsync(CliContext context, CommandResultView result, string what)
    {
        System.ArgumentNullException.ThrowIfNull(context);
        System.ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case "applied":
            case "staged":
                string staged = result.Outcome == "staged" ? " (staged: the node is tripped and applies it on the next reset)" : "";
                await context.Out.WriteLineAsync($"{result.NodeId}: {what} {result.Outcome}{staged}; command {result.CommandId}, node event {result.EventId}.").ConfigureAwait(false);
                return ExitCodes.Ok;
            case "rejected":
                throw new CliError(ExitCodes.Failed, $"{what} refused by {result.NodeId}: {result.Reason}{(result.Detail.Length == 0 ? "" : " (" + result.Detail + ")")}{Hint(result.Reason)} (command {result.CommandId}).");
            default:
                throw new CliError(ExitCodes.Failed, $"{what} sent to {result.NodeId} as command {result.CommandId}, but the node did not answer in time; check 'jidoka nodes' or 'jidoka status'.");
        }
    }

    private static string Hint(string reason) => reason switch
    {
        "cause-active" => ": the trip's cause is still present; clear it (close the guard, remove the part, fix the sensor), then reset again",
        "not-tripped" => ": the node is not tripped; nothing to reset",
        "missing-operator" => ": an operator id is required",
        "journal-full" => ": the node's event journal is full; bring the bridge back online so it can unload",
        "invalid-policy" => ": the node found the policy invalid",
        _ => "",
    };
}
