using System;
using System.Collections.Generic;
using System.IO;
using Jidoka.Bridge.Contracts;

namespace Jidoka.Bridge.TwinFeed.Web;

/// <summary>
/// The runbook for each trip cause, read from the table "What a trip means and what to do" of
/// docs/operations.md, which the build embeds in this assembly. The guide stays the one place the
/// text is written; the web app shows exactly what the technicians' manual says.
/// </summary>
public static class RunbookSource
{
    /// <summary>Resource name of the embedded operations guide.</summary>
    public const string ResourceName = "docs/operations.md";

    /// <summary>The heading of the section whose table is read.</summary>
    public const string SectionHeading = "## What a trip means and what to do";

    /// <summary>The runbooks of the embedded guide, in its order.</summary>
    public static IReadOnlyList<RunbookView> Load()
    {
        using System.IO.Stream stream = typeof(RunbookSource).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(RunbookSource).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>
    /// The rows of the section's table whose first cell is a code-spelled cause: cause, what the node saw, what to do.
    /// Throws when the section or its table is missing, so a reworded guide fails the build's tests, not the page.
    /// </summary>
    public static IReadOnlyList<RunbookView> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        string[] lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int start = Array.FindIndex(lines, l => l.Trim() == SectionHeading);
        if (start < 0)
        {
            throw new FormatException($"The operations guide has no section '{SectionHeading}'.");
        }

        var runbooks = new List<RunbookView>();
        for (int i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            string line = lines[i].Trim();
            if (!line.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }

            string[] cells = line.Trim('|').Split('|');
            if (cells.Length != 3)
            {
                throw new FormatException($"Line {i + 1} of the operations guide has {cells.Length} cells; the runbook table has 3 (cause, what the node saw, what to do).");
            }

            runbooks.Add(new RunbookView { Cause = cells[0].Trim().Trim('`'), Seen = cells[1].Trim(), Action = cells[2].Trim() });
        }

        if (runbooks.Count == 0)
        {
            throw new FormatException($"The section '{SectionHeading}' of the operations guide has no runbook table.");
        }

        return runbooks;
    }
}
