using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jidoka.Bridge.Contracts;

/// <summary>
/// A <see cref="JsonException"/> in the file's own terms: "line 3, column 35: forceLimitMilliNewtons must be
/// a whole number". System.Text.Json counts lines and columns from 0 and names .NET types
/// (System.Nullable`1[System.Int32], PolicyDocument); people count from 1 and know the file's fields.
/// </summary>
public static partial class JsonErrorText
{
    /// <summary>The one-line description of <paramref name="ex"/>.</summary>
    public static string Describe(JsonException ex)
    {
        System.ArgumentNullException.ThrowIfNull(ex);
        string where = ex.LineNumber is long line ? $"line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: " : "";
        string field = ex.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "";
        string message = ex.Message;
        Match conversion = Conversion().Match(message);
        if (conversion.Success)
        {
            string expected = Expected(conversion.Groups["type"].Value);
            return where + (field.Length == 0 ? "the document must be " + expected : $"{field} must be {expected}");
        }

        Match unknown = Unmapped().Match(message);
        if (unknown.Success)
        {
            return where + $"unknown field '{unknown.Groups["name"].Value}' (a misspelling?)";
        }

        if (message.Contains("Expected depth to be zero", System.StringComparison.Ordinal))
        {
            return where + "the file ends before every { or [ is closed";
        }

        // Other reader errors ("'x' is an invalid start of a value"): keep the reason, drop the position suffix and any type names.
        string reason = Suffix().Replace(message, "").TrimEnd('.', ' ');
        reason = TypeName().Replace(reason, "a value");
        return where + reason;
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("Int", System.StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("Double", System.StringComparison.Ordinal) || type.Contains("Decimal", System.StringComparison.Ordinal) => "a number",
        _ when type.Contains("Boolean", System.StringComparison.Ordinal) => "true or false",
        _ when type.Contains("String", System.StringComparison.Ordinal) => "a string in quotes",
        _ when type.Contains("List", System.StringComparison.Ordinal) || type.Contains("[]", System.StringComparison.Ordinal) => "a list [...]",
        _ => "an object {...}",
    };

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.? Path:")]
    private static partial Regex Conversion();

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"\s*Path: .*$")]
    private static partial Regex Suffix();

    [GeneratedRegex(@"(System|Jidoka)\.[A-Za-z0-9_.`\[\],]+")]
    private static partial Regex TypeName();
}
