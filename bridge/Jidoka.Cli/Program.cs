using System;
using System.Threading;
using System.Threading.Tasks;

namespace Jidoka.Cli;

/// <summary>The jidoka command-line tool (docs/operations.md).</summary>
public static class Program
{
    /// <summary>Runs one command; Ctrl+C cancels it.</summary>
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            return await JidokaCli.RunAsync(args, Console.Out, Console.Error, cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
    }
}
