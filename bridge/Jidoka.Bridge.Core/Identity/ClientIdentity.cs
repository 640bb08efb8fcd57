using System;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Identity;

/// <summary>
/// Who an authenticated client is: its broker user name, its role and, for a node, its cell and node
/// id. For a node the user name is the node id and the MQTT client id must equal it, so one node
/// cannot hold another's session (docs/security.md).
/// </summary>
public sealed class ClientIdentity
{
    private ClientIdentity(string userName, ClientRole role, string cellId, string nodeId)
    {
        UserName = userName;
        Role = role;
        CellId = cellId;
        NodeId = nodeId;
    }

    /// <summary>Broker user name.</summary>
    public string UserName { get; }

    /// <summary>What the client is.</summary>
    public ClientRole Role { get; }

    /// <summary>The node's cell; empty for the bridge and technicians.</summary>
    public string CellId { get; }

    /// <summary>The node id; empty for the bridge and technicians.</summary>
    public string NodeId { get; }

    /// <summary>A node of <paramref name="cellId"/>; its user name is its node id.</summary>
    public static ClientIdentity ForNode(string cellId, string nodeId)
    {
        if (!Identifiers.IsValidId(cellId) || !Identifiers.IsValidId(nodeId))
        {
            throw new ArgumentException($"cell '{cellId}' and node '{nodeId}' must be valid ids (lowercase letters, digits, '-', '_').");
        }

        return new ClientIdentity(nodeId, ClientRole.Node, cellId, nodeId);
    }

    /// <summary>The bridge, under its broker user name.</summary>
    public static ClientIdentity ForBridge(string userName) => new(CheckName(userName), ClientRole.Bridge, "", "");

    /// <summary>A read-only technician.</summary>
    public static ClientIdentity ForTechnician(string userName) => new(CheckName(userName), ClientRole.Technician, "", "");

    private static string CheckName(string userName) =>
        Identifiers.IsValidPersonId(userName) ? userName : throw new ArgumentException($"'{userName}' is not a valid user name (letters, digits, '-', '_', '.', '@').");
}
