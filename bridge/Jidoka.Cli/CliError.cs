using System;

namespace Jidoka.Cli;

/// <summary>A failure the tool reports as one line on standard error with <see cref="ExitCode"/>.</summary>
public sealed class CliError : Exception
{
    /// <summary>Creates the error.</summary>
    public CliError(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>Creates the error with the exception that caused it.</summary>
    public CliError(int exitCode, string message, Exception inner)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    /// <summary>Required by the exception design rules; prefer the constructors with an exit code.</summary>
    public CliError()
        : this(ExitCodes.Failed, "failed")
    {
    }

    /// <summary>Required by the exception design rules; prefer the constructors with an exit code.</summary>
    public CliError(string message)
        : this(ExitCodes.Failed, message)
    {
    }

    /// <summary>Required by the exception design rules; prefer the constructors with an exit code.</summary>
    public CliError(string message, Exception inner)
        : this(ExitCodes.Failed, message, inner)
    {
    }

    /// <summary>The process exit code.</summary>
    public int ExitCode { get; }
}
