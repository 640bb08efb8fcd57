using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Jidoka.BoardConfigs.Validation;

namespace Jidoka.BoardConfigs.Loading;

/// <summary>The outcome of loading one board file: a usable definition, or the problems that stop it.</summary>
public sealed record BoardLoadResult
{
    /// <summary>The board file that was loaded.</summary>
    public required string Path { get; init; }

    /// <summary>The checked board; null when there are problems.</summary>
    public BoardDefinition? Definition { get; init; }

    /// <summary>Every problem found; empty when <see cref="Definition"/> is set.</summary>
    public required IReadOnlyList<BoardProblem> Problems { get; init; }

    /// <summary>True when the board is usable.</summary>
    [MemberNotNullWhen(true, nameof(Definition))]
    public bool Succeeded => Definition != null;

    /// <summary>The problems, one per line, for test and tool output.</summary>
    public string Describe() => Succeeded ? $"{Path}: ok" : $"{Path}:\n  " + string.Join("\n  ", Problems);
}
