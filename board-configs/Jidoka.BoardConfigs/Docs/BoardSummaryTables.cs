using System.Collections.Generic;
using Jidoka.BoardConfigs.Model;
using Jidoka.Protocol;

namespace Jidoka.BoardConfigs.Docs;

/// <summary>Overview and default-limit tables across all boards, generated from the board files.</summary>
public static class BoardSummaryTables
{
    /// <summary>One row per board: what it is, its firmware target, network and store.</summary>
    public static string Overview(IEnumerable<BoardDefinition> boards)
    {
        var table = new MarkdownTable("Board file", "Hardware", "nanoFramework target", "Network", "Persistent store");
        foreach (BoardDefinition board in boards)
        {
            BoardConfig b = board.Board;
            string network = b.Network.Kind switch
            {
                NetworkKind.Wifi => "Wi-Fi, credentials stored on the device",
                NetworkKind.Ethernet => $"Ethernet, {b.Network.Phy}",
                _ => "simulated (MQTTnet)",
            };
            string store = $"{b.Storage.Api} at {b.Storage.Root}: {b.Storage.Backing}" + (b.Storage.InStockFirmware ? "" : " (needs a custom firmware build)");
            table.Row($"board-configs/{b.BoardId}.json", b.Hardware, b.Target, network, store);
        }

        return table.ToString();
    }

    /// <summary>
    /// The default policy of each board, field by field as <see cref="PolicyRecord.Describe"/> names them
    /// (units in the names), including the response class per rule and the policy hash frames will carry.
    /// </summary>
    public static string DefaultLimits(IReadOnlyList<BoardDefinition> boards)
    {
        var headers = new List<string> { "Field" };
        var described = new List<FieldList>();
        foreach (BoardDefinition board in boards)
        {
            headers.Add(board.Board.BoardId);
            var fields = new FieldList();
            board.ToPolicyRecord().Describe(fields, "");
            described.Add(fields);
        }

        var table = new MarkdownTable([.. headers]);
        for (int i = 0; i < described[0].Count; i++)
        {
            var row = new List<string> { Split(described[0][i]).Name };
            foreach (FieldList fields in described)
            {
                row.Add(Split(fields[i]).Value);
            }

            table.Row([.. row]);
        }

        return table.ToString();
    }

    private static (string Name, string Value) Split(string line)
    {
        int equals = line.IndexOf('=', System.StringComparison.Ordinal);
        return (line[..equals], line[(equals + 1)..]);
    }
}
