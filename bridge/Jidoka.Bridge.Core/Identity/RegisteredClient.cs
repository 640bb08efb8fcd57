using System;

namespace Jidoka.Bridge.Identity;

/// <summary>
/// One entry of the node registry: a client the broker admits, its role, the hash of its broker
/// password and, for a node, the 32-byte key its messages are signed with. Immutable: the registry
/// swaps whole entries, so a reader never sees half an update.
/// </summary>
public sealed class RegisteredClient
{
    /// <summary>Size of a node key, bytes (HMAC-SHA256 with a key as long as its output).</summary>
    public const int NodeKeyBytes = 32;

    /// <summary>Creates an entry; the registry checks ids and key sizes.</summary>
    public RegisteredClient(ClientIdentity identity, string passwordHash, byte[] nodeKey, DateTimeOffset createdUtc, DateTimeOffset? revokedUtc)
    {
        Identity = identity ?? throw new ArgumentNullException(nameof(identity));
        PasswordHash = passwordHash ?? throw new ArgumentNullException(nameof(passwordHash));
        NodeKey = nodeKey ?? throw new ArgumentNullException(nameof(nodeKey));
        CreatedUtc = createdUtc;
        RevokedUtc = revokedUtc;
    }

    /// <summary>Who the client is.</summary>
    public ClientIdentity Identity { get; }

    /// <summary>Broker user name.</summary>
    public string UserName => Identity.UserName;

    /// <summary>Mosquitto-format hash of the broker password (<see cref="BrokerPasswordHash"/>).</summary>
    public string PasswordHash { get; }

    /// <summary>The node's message key; empty for the bridge and technicians.</summary>
    public byte[] NodeKey { get; }

    /// <summary>When the entry was made.</summary>
    public DateTimeOffset CreatedUtc { get; }

    /// <summary>When the entry was revoked; null while it is valid.</summary>
    public DateTimeOffset? RevokedUtc { get; }

    /// <summary>True once revoked: the broker refuses it and the bridge trusts nothing signed with its key.</summary>
    public bool IsRevoked => RevokedUtc.HasValue;

    /// <summary>This entry, revoked at <paramref name="atUtc"/>.</summary>
    public RegisteredClient Revoked(DateTimeOffset atUtc) => new(Identity, PasswordHash, NodeKey, CreatedUtc, RevokedUtc ?? atUtc);
}
