using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jidoka.Bridge.Contracts;

/// <summary>
/// The JSON settings of the twin feed: camelCase names, null members omitted, numbers as numbers.
/// The bridge writes with them and the jidoka CLI reads with them.
/// </summary>
public static class TwinJson
{
    /// <summary>Shared serializer options (do not modify).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>A new instance of the twin feed's settings, for a framework that wants its own copy to configure.</summary>
    public static JsonSerializerOptions Create() => Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the twin feed's settings to <paramref name="options"/> (ASP.NET Core's own instance) and returns it.</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        System.ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;
        return options;
    }
}
