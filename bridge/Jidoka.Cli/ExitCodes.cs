namespace Jidoka.Cli;

/// <summary>The jidoka tool's exit codes (docs/operations.md lists them for scripts).</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The request was carried out and the answer is "no": the node refused, no answer came in time, the audit log is not intact.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong (unknown command or option, missing argument).</summary>
    public const int Usage = 2;

    /// <summary>The MQTT broker or the bridge could not be reached, or did not answer.</summary>
    public const int Unreachable = 3;

    /// <summary>The node or case is unknown.</summary>
    public const int NotFound = 4;

    /// <summary>A file or value is not acceptable (a bad policy file, a parameter the bridge refused).</summary>
    public const int BadInput = 5;

    /// <summary>The bridge wants an operator token (none, or an unknown one), or the token's operator may not do this.</summary>
    public const int Denied = 6;
}
