using System;
using System.Collections.Generic;
using System.Linq;

namespace Jidoka.Cli.Commands;

/// <summary>Builds a query string from the parameters that are set.</summary>
public static class QueryString
{
    /// <summary>"?a=1&amp;b=x" for the pairs whose value is not null, "" when none.</summary>
    public static string Of(params (string Name, string? Value)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        IEnumerable<string> set = pairs.Where(p => p.Value != null).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!));
        string joined = string.Join("&", set);
        return joined.Length == 0 ? "" : "?" + joined;
    }

    /// <summary>A path segment, escaped.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value ?? throw new ArgumentNullException(nameof(value)));
}
