using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;

namespace Jidoka.Bridge.Commands;

/// <summary>
/// Lets a caller wait for a node's answer to a command. The ingest engine completes a wait once the
/// answer is durably stored; the command service registers the wait before it publishes, so an
/// answer cannot slip past.
/// </summary>
public sealed class CommandTracker
{
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<CommandResultUpdate>> _waiting = new();

    /// <summary>Starts waiting for command <paramref name="commandId"/>.</summary>
    public void Expect(uint commandId) =>
        _waiting.TryAdd(commandId, new TaskCompletionSource<CommandResultUpdate>(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Stops waiting (the caller gave up, or the command was never sent).</summary>
    public void Forget(uint commandId) => _waiting.TryRemove(commandId, out _);

    /// <summary>Completes the wait for the command <paramref name="result"/> answers, if anyone waits.</summary>
    public void Complete(CommandResultUpdate result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_waiting.TryRemove(result.CommandId, out TaskCompletionSource<CommandResultUpdate>? waiter))
        {
            waiter.TrySetResult(result);
        }
    }

    /// <summary>
    /// The node's answer to <paramref name="commandId"/>, or null when none came within
    /// <paramref name="timeout"/> (or nobody expected it).
    /// </summary>
    public async Task<CommandResultUpdate?> WaitAsync(uint commandId, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!_waiting.TryGetValue(commandId, out TaskCompletionSource<CommandResultUpdate>? waiter))
        {
            return null;
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Forget(commandId);
            return null;
        }
    }
}
