using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Jidoka.Cli.Output;

/// <summary>
/// A plain-text chart of one series over time, for a terminal: each column is a time bucket drawn
/// from its lowest to its highest value (so a one-sample spike still shows), with an optional
/// horizontal reference line (a limit, '-') and a vertical marker (the trip's detection, '|').
/// </summary>
public static class TextPlot
{
    /// <summary>Characters left of the plot area for the value labels.</summary>
    public const int LabelWidth = 10;

    /// <summary>
    /// Renders <paramref name="points"/> (x in seconds relative to the marker, y in display units)
    /// over [<paramref name="xMin"/>, <paramref name="xMax"/>] into <paramref name="height"/> rows of
    /// <paramref name="width"/> columns, plus an axis line and a line of x labels.
    /// </summary>
    public static IReadOnlyList<string> Render(
        IReadOnlyList<(double X, double Y)> points, double xMin, double xMax, int width, int height, double? reference, double? markerX, string unit)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (width < 10 || height < 3 || !(xMax > xMin))
        {
            throw new ArgumentException("The plot needs width >= 10, height >= 3 and xMax > xMin.");
        }

        var low = new double[width];
        var high = new double[width];
        var filled = new bool[width];
        foreach ((double x, double y) in points)
        {
            if (x < xMin || x > xMax)
            {
                continue;
            }

            int c = Math.Min(width - 1, (int)((x - xMin) / (xMax - xMin) * width));
            low[c] = filled[c] ? Math.Min(low[c], y) : y;
            high[c] = filled[c] ? Math.Max(high[c], y) : y;
            filled[c] = true;
        }

        IEnumerable<double> all = Enumerable.Range(0, width).Where(c => filled[c]).SelectMany(c => new[] { low[c], high[c] });
        if (reference is double r)
        {
            all = all.Append(r);
        }

        double[] values = all.ToArray();
        double yMin = values.Length == 0 ? 0 : values.Min();
        double yMax = values.Length == 0 ? 1 : values.Max();
        if (yMax - yMin < 1e-9)
        {
            yMin -= 1;
            yMax += 1;
        }

        double step = (yMax - yMin) / (height - 1);
        if (reference is double limit)
        {
            // The reference gets a row of its own value (the row labelled 150 N is 150 N, not the 144.7 N the
            // grid happened to put there): the grid is moved up by less than one row, and one row of slack
            // keeps the lowest value on the plot.
            step = (yMax - yMin) / (height - 2);
            yMax = limit + (Math.Ceiling(((yMax - limit) / step) - 1e-9) * step);
        }

        int Row(double y) => (int)Math.Round((yMax - y) / step);
        int markerColumn = markerX is double m && m >= xMin && m <= xMax ? Math.Min(width - 1, (int)((m - xMin) / (xMax - xMin) * width)) : -1;
        int referenceRow = reference is double rv ? Row(rv) : -1;

        var lines = new List<string>(height + 2);
        for (int row = 0; row < height; row++)
        {
            string label = row == referenceRow ? Label(reference!.Value, unit) : row == 0 || row == height - 1 ? Label(yMax - (row * step), unit) : "";
            var line = new StringBuilder(label.PadLeft(LabelWidth - 1)).Append(' ').Append('|');
            for (int c = 0; c < width; c++)
            {
                bool data = filled[c] && Row(high[c]) <= row && row <= Row(low[c]);
                line.Append(data ? '*' : c == markerColumn ? '|' : row == referenceRow ? '-' : ' ');
            }

            lines.Add(line.ToString().TrimEnd());
        }

        lines.Add(new string(' ', LabelWidth) + "+" + new string('-', width));
        string left = Seconds(xMin);
        string right = Seconds(xMax);
        var axis = new StringBuilder(new string(' ', LabelWidth + 1)).Append(left);
        if (markerColumn >= 0)
        {
            int at = LabelWidth + 1 + markerColumn;
            axis.Append(' ', Math.Max(1, at - axis.Length)).Append("trip");
        }

        axis.Append(' ', Math.Max(1, LabelWidth + 1 + width - right.Length - axis.Length)).Append(right);
        lines.Add(axis.ToString());
        return lines;
    }

    private static string Label(double value, string unit) => value.ToString("0.#", CultureInfo.InvariantCulture) + " " + unit;

    private static string Seconds(double value) => (value > 0 ? "+" : "") + value.ToString("0.0##", CultureInfo.InvariantCulture) + " s";
}
