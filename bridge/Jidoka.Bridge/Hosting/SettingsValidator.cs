using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Jidoka.Bridge.Storage.Sqlite;
using Jidoka.Bridge.TwinFeed;
using Microsoft.Extensions.Configuration;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// Checks every "Bridge:…" setting (from appsettings.json, environment variables or the command line)
/// against the option classes before anything binds them: a key no option has (a misspelling, which the
/// binder would silently ignore) and a value that is not of the option's type (which the binder would
/// throw about with .NET type names) are refused in one line, in the setting's own name.
/// </summary>
public static class SettingsValidator
{
    /// <summary>The sections under "Bridge" that are bound to their own option classes.</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Broker"] = typeof(BrokerOptions),
        ["Storage"] = typeof(SqliteStoreOptions),
        ["Http"] = typeof(TwinFeedOptions),
        ["Demo"] = typeof(DemoSettings),
    };

    /// <summary>Throws <see cref="ArgumentException"/> (one line) for the first unknown or ill-typed Bridge setting.</summary>
    public static void Validate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (IConfigurationSection child in configuration.GetSection("Bridge").GetChildren())
        {
            if (Sections.TryGetValue(child.Key, out Type? type))
            {
                Check(child, type);
            }
            else
            {
                CheckMember(child, typeof(BridgeOptions), Sections.Keys);
            }
        }
    }

    private static void Check(IConfigurationSection section, Type type)
    {
        if (section.Value != null && !section.GetChildren().Any())
        {
            throw new ArgumentException($"{section.Path} is a group of settings ({string.Join(", ", Settable(type).Select(p => p.Name))}), not a value.");
        }

        foreach (IConfigurationSection child in section.GetChildren())
        {
            CheckMember(child, type, Array.Empty<string>());
        }
    }

    private static void CheckMember(IConfigurationSection child, Type owner, IEnumerable<string> alsoKnown)
    {
        PropertyInfo? property = Settable(owner).FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
        if (property == null)
        {
            string[] known = Settable(owner).Select(p => p.Name).Concat(alsoKnown).ToArray();
            string? near = known.OrderBy(k => Distance(k.ToLowerInvariant(), child.Key.ToLowerInvariant())).FirstOrDefault();
            string hint = near != null && Distance(near.ToLowerInvariant(), child.Key.ToLowerInvariant()) <= 3 ? $" Did you mean {Parent(child.Path)}:{near}?" : "";
            throw new ArgumentException($"Unknown setting {child.Path}.{hint} Settings there: {string.Join(", ", known)} (docs/running-the-bridge.md).");
        }

        CheckValue(child, property.PropertyType);
    }

    private static void CheckValue(IConfigurationSection child, Type type)
    {
        Type? element = ListElement(type);
        if (element != null)
        {
            foreach (IConfigurationSection item in child.GetChildren())
            {
                if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    throw new ArgumentException($"{item.Path}: {child.Path} is a list; its entries are numbered 0, 1, 2…");
                }

                CheckValue(item, element);
            }

            return;
        }

        if (type == typeof(string) || type.IsPrimitive || type.IsEnum)
        {
            if (child.GetChildren().Any())
            {
                throw new ArgumentException($"{child.Path} is a single value, not a group ({string.Join(", ", child.GetChildren().Select(c => c.Key))}).");
            }

            string text = child.Value ?? "";
            if (type != typeof(string) && text.Length > 0 && !Converts(text, type))
            {
                throw new ArgumentException($"{child.Path} '{text}' must be {Expected(type)}.");
            }

            return;
        }

        Check(child, type);
    }

    private static bool Converts(string text, Type type)
    {
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException || ex.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) => $"a whole number ({int.MinValue}..{int.MaxValue})",
        _ when type == typeof(long) => "a whole number",
        _ when type == typeof(double) => "a number",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ => "a " + type.Name.ToLowerInvariant(),
    };

    private static Type? ListElement(Type type) =>
        type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || ListElement(p.PropertyType) != null);

    private static string Parent(string path) => path[..Math.Max(0, path.LastIndexOf(':'))];

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The "Bridge:Demo" section (read by <see cref="DemoNodesService"/>).</summary>
    private sealed class DemoSettings
    {
        /// <summary>Simulated nodes to start.</summary>
        public int Nodes { get; set; }
    }
}
