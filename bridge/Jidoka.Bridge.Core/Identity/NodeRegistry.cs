using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Security.Cryptography;

namespace Jidoka.Bridge.Identity;

/// <summary>
/// The clients a bridge's broker admits (nodes, the bridge itself, technicians) and the nodes' keys.
/// An immutable snapshot: changes return a new registry, which <see cref="NodeRegistryFile"/> saves
/// and the running bridge swaps in without a restart (<see cref="NodeRegistryWatcher"/>).
/// </summary>
public sealed class NodeRegistry
{
    private readonly ImmutableSortedDictionary<string, RegisteredClient> _byUser;
    private readonly ImmutableDictionary<string, RegisteredClient> _byNodeId;

    private NodeRegistry(ImmutableSortedDictionary<string, RegisteredClient> byUser)
    {
        _byUser = byUser;
        var nodes = ImmutableDictionary.CreateBuilder<string, RegisteredClient>(StringComparer.Ordinal);
        foreach (RegisteredClient client in byUser.Values)
        {
            if (client.Identity.Role == ClientRole.Node)
            {
                nodes[client.Identity.NodeId] = client;
            }
        }

        _byNodeId = nodes.ToImmutable();
    }

    /// <summary>A registry with no clients.</summary>
    public static NodeRegistry Empty { get; } = new(ImmutableSortedDictionary.Create<string, RegisteredClient>(StringComparer.Ordinal));

    /// <summary>Every entry, revoked ones included, by user name.</summary>
    public IEnumerable<RegisteredClient> Clients => _byUser.Values;

    /// <summary>Number of entries, revoked ones included.</summary>
    public int Count => _byUser.Count;

    /// <summary>Builds a registry from loaded entries; duplicate user names or node ids are refused.</summary>
    public static NodeRegistry From(IEnumerable<RegisteredClient> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        NodeRegistry registry = Empty;
        foreach (RegisteredClient client in clients)
        {
            registry = registry.With(client);
        }

        return registry;
    }

    /// <summary>The entry for <paramref name="userName"/>, revoked or not.</summary>
    public bool TryFind(string userName, out RegisteredClient client) => _byUser.TryGetValue(userName ?? "", out client!);

    /// <summary>The valid (not revoked) key of node <paramref name="nodeId"/> in <paramref name="cellId"/>.</summary>
    public bool TryGetNodeKey(string cellId, string nodeId, out byte[] key)
    {
        key = Array.Empty<byte>();
        if (!_byNodeId.TryGetValue(nodeId ?? "", out RegisteredClient? client) || client.IsRevoked || client.Identity.CellId != cellId)
        {
            return false;
        }

        key = client.NodeKey;
        return true;
    }

    /// <summary>
    /// Checks a broker connect. A node must connect under its node id as client id; no other client
    /// may take a registered node's id, which would end that node's session.
    /// </summary>
    public AuthenticationOutcome Authenticate(string? userName, string? password, string clientId, out ClientIdentity? identity)
    {
        identity = null;
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password))
        {
            return AuthenticationOutcome.MissingCredentials;
        }

        if (!_byUser.TryGetValue(userName, out RegisteredClient? client))
        {
            return AuthenticationOutcome.UnknownUser;
        }

        if (!BrokerPasswordHash.Verify(password, client.PasswordHash))
        {
            return AuthenticationOutcome.BadPassword;
        }

        if (client.IsRevoked)
        {
            return AuthenticationOutcome.Revoked;
        }

        bool isNode = client.Identity.Role == ClientRole.Node;
        if ((isNode && clientId != client.Identity.NodeId) || (!isNode && _byNodeId.ContainsKey(clientId ?? "")))
        {
            return AuthenticationOutcome.ClientIdMismatch;
        }

        identity = client.Identity;
        return AuthenticationOutcome.Admitted;
    }

    /// <summary>Adds node <paramref name="nodeId"/> of <paramref name="cellId"/> with a fresh password and a fresh 32-byte key.</summary>
    public NodeRegistry AddNode(string cellId, string nodeId, DateTimeOffset nowUtc, out ProvisionedCredential credential)
    {
        ClientIdentity identity = ClientIdentity.ForNode(cellId, nodeId);
        return Add(identity, RandomNumberGenerator.GetBytes(RegisteredClient.NodeKeyBytes), nowUtc, out credential);
    }

    /// <summary>Adds a client that is not a node (the bridge or a technician) with a fresh password.</summary>
    public NodeRegistry AddClient(ClientIdentity identity, DateTimeOffset nowUtc, out ProvisionedCredential credential)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.Role == ClientRole.Node)
        {
            throw new ArgumentException("add nodes with AddNode, which makes their key", nameof(identity));
        }

        return Add(identity, Array.Empty<byte>(), nowUtc, out credential);
    }

    /// <summary>Revokes <paramref name="userName"/>; an unknown name is an error, a revoked one stays as it was.</summary>
    public NodeRegistry Revoke(string userName, DateTimeOffset nowUtc)
    {
        if (!_byUser.TryGetValue(userName ?? "", out RegisteredClient? client))
        {
            throw new KeyNotFoundException($"no client '{userName}' in the node registry");
        }

        return new NodeRegistry(_byUser.SetItem(client.UserName, client.Revoked(nowUtc)));
    }

    /// <summary>
    /// Key rotation: gives <paramref name="userName"/> a fresh password (and, for a node, a fresh key),
    /// valid again if it was revoked. The old password and key stop working as soon as the running
    /// bridge reloads the registry.
    /// </summary>
    public NodeRegistry Reissue(string userName, DateTimeOffset nowUtc, out ProvisionedCredential credential)
    {
        if (!_byUser.TryGetValue(userName ?? "", out RegisteredClient? old))
        {
            throw new KeyNotFoundException($"no client '{userName}' in the node registry");
        }

        byte[] key = old.Identity.Role == ClientRole.Node ? RandomNumberGenerator.GetBytes(RegisteredClient.NodeKeyBytes) : Array.Empty<byte>();
        string password = BrokerPasswordHash.NewPassword();
        var client = new RegisteredClient(old.Identity, BrokerPasswordHash.Create(password), key, nowUtc, null);
        credential = new ProvisionedCredential(client, password);
        return new NodeRegistry(_byUser.SetItem(client.UserName, client));
    }

    private NodeRegistry Add(ClientIdentity identity, byte[] key, DateTimeOffset nowUtc, out ProvisionedCredential credential)
    {
        string password = BrokerPasswordHash.NewPassword();
        var client = new RegisteredClient(identity, BrokerPasswordHash.Create(password), key, nowUtc, null);
        NodeRegistry next = With(client);
        credential = new ProvisionedCredential(client, password);
        return next;
    }

    private NodeRegistry With(RegisteredClient client)
    {
        if (_byUser.ContainsKey(client.UserName))
        {
            throw new ArgumentException($"'{client.UserName}' is already in the node registry (revoke it and add a new id to re-provision)");
        }

        bool isNode = client.Identity.Role == ClientRole.Node;
        if (!isNode && _byNodeId.ContainsKey(client.UserName))
        {
            throw new ArgumentException($"'{client.UserName}' is a node id");
        }

        if (isNode && client.NodeKey.Length != RegisteredClient.NodeKeyBytes)
        {
            throw new ArgumentException($"node '{client.UserName}' must have a {RegisteredClient.NodeKeyBytes}-byte key");
        }

        if (!BrokerPasswordHash.IsWellFormed(client.PasswordHash))
        {
            throw new ArgumentException($"'{client.UserName}' has a malformed password hash");
        }

        return new NodeRegistry(_byUser.Add(client.UserName, client));
    }
}
