using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Jidoka.Cli.Output;

/// <summary>A plain-text table: a header row and left-aligned columns two spaces apart (readable in any terminal and in a log).</summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = new();

    /// <summary>Creates a table with these column headers.</summary>
    public TextTable(params string[] headers)
    {
        _headers = headers ?? throw new ArgumentNullException(nameof(headers));
    }

    /// <summary>Rows added so far.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Adds a row; missing cells are blank, extra cells are an error.</summary>
    public void Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length > _headers.Length)
        {
            throw new ArgumentException($"{cells.Length} cells for {_headers.Length} columns.", nameof(cells));
        }

        _rows.Add(cells.Concat(Enumerable.Repeat("", _headers.Length - cells.Length)).ToArray());
    }

    /// <summary>Writes the table.</summary>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        int[] widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        WriteRow(writer, _headers, widths);
        foreach (string[] row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        string line = string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i])));
        writer.WriteLine(line.TrimEnd());
    }
}
