namespace Jidoka.Bridge.Storage;

/// <summary>
/// One entry of the audit log as stored: its content, its place in the chain and its hash.
/// <see cref="Hash"/> = SHA-256(<see cref="PrevHash"/> ‖ canonical content); see Audit.AuditHasher.
/// </summary>
public sealed record AuditRecord
{
    /// <summary>Position in the log, 1, 2, 3... without gaps.</summary>
    public required long Seq { get; init; }

    /// <summary>Content of the entry.</summary>
    public required AuditEntry Entry { get; init; }

    /// <summary>Hash of the previous entry (32 zero bytes for the first), lowercase hex.</summary>
    public required string PrevHash { get; init; }

    /// <summary>Hash of this entry, lowercase hex.</summary>
    public required string Hash { get; init; }
}
