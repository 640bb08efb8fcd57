using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jidoka.BoardConfigs.Loading;

/// <summary>How board and target-facts files map to the typed model.</summary>
public static class BoardJson
{
    /// <summary>
    /// camelCase properties, kebab-case enum names ("mcu-adc", "stm32-port"), no unknown members, no
    /// numbers for enums: the same rules the schemas state, so a file that slipped past a schema still fails.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };
}
