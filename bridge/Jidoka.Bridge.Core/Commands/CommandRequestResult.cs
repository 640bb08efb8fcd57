namespace Jidoka.Bridge.Commands;

/// <summary>The answer to a command request: sent (with its id), or refused with a typed reason.</summary>
/// <param name="Error">Why it was refused, or <see cref="CommandRequestError.None"/>.</param>
/// <param name="Message">A sentence for people (CLI, HTTP 4xx body).</param>
/// <param name="CommandId">The command's id when sent, else 0.</param>
/// <param name="Detail">PolicyProblem or CalibrationProblem code for validation errors, else 0.</param>
public sealed record CommandRequestResult(CommandRequestError Error, string Message, uint CommandId, byte Detail)
{
    /// <summary>True when the command was sent.</summary>
    public bool IsSent => Error == CommandRequestError.None;

    /// <summary>A sent command.</summary>
    public static CommandRequestResult Sent(uint commandId, string message) => new(CommandRequestError.None, message, commandId, 0);

    /// <summary>A refusal.</summary>
    public static CommandRequestResult Refused(CommandRequestError error, string message, byte detail = 0) => new(error, message, 0, detail);
}
