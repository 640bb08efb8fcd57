using Jidoka.Protocol;

namespace Jidoka.Bridge.Contracts;

/// <summary>A policy read from a file or request body, or why it could not be.</summary>
/// <param name="Policy">The policy, when <see cref="Error"/> is <see cref="PolicyFileError.None"/>.</param>
/// <param name="Error">What was wrong.</param>
/// <param name="Problem">For <see cref="PolicyFileError.InvalidPolicy"/>: what PolicyRecord.Validate found.</param>
/// <param name="Message">One sentence for people.</param>
public sealed record PolicyFileResult(PolicyRecord? Policy, PolicyFileError Error, PolicyProblem Problem, string Message)
{
    /// <summary>True when the policy was read and is valid.</summary>
    public bool IsValid => Error == PolicyFileError.None && Policy != null;

    /// <summary>The name of <see cref="Problem"/> as the protocol spells it ("force-warn"...).</summary>
    public string ProblemName => PolicyProblemNames.Name(Problem);

    internal static PolicyFileResult Fail(PolicyFileError error, string message) => new(null, error, PolicyProblem.None, message);
}
