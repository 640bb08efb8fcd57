using System;

namespace Jidoka.Bridge.Identity;

/// <summary>
/// MQTT topic-filter arithmetic (MQTT 5.0 §4.7): whether a name or filter is well formed, and whether
/// everything one filter can match is also matched by another, which is what an access check on a
/// subscription needs (a node may not widen its subscription past its own topics with a wildcard).
/// </summary>
public static class TopicFilter
{
    /// <summary>Longest topic the broker accepts, bytes of UTF-8 (the MQTT limit is 65 535; no jidoka topic comes near 200).</summary>
    public const int TopicBytesMax = 512;

    /// <summary>True for a topic name a client may publish to: non-empty, no wildcard, no NUL, not a $-topic.</summary>
    public static bool IsValidName(string topic, out string reason)
    {
        if (!IsWellFormedText(topic, out reason))
        {
            return false;
        }

        if (topic.Contains('+', StringComparison.Ordinal) || topic.Contains('#', StringComparison.Ordinal))
        {
            reason = "wildcards are not allowed in a topic name";
            return false;
        }

        return true;
    }

    /// <summary>True for a well-formed subscription filter: wildcards only as whole levels, '#' only last.</summary>
    public static bool IsValidFilter(string filter, out string reason)
    {
        if (!IsWellFormedText(filter, out reason))
        {
            return false;
        }

        string[] levels = filter.Split('/');
        for (int i = 0; i < levels.Length; i++)
        {
            string level = levels[i];
            bool hasWildcard = level.Contains('+', StringComparison.Ordinal) || level.Contains('#', StringComparison.Ordinal);
            if (hasWildcard && level.Length != 1)
            {
                reason = "a wildcard must fill a whole topic level";
                return false;
            }

            if (level == "#" && i != levels.Length - 1)
            {
                reason = "'#' may only be the last level";
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when every topic <paramref name="filter"/> matches is also matched by <paramref name="pattern"/>.
    /// A topic name is a filter without wildcards, so this also answers "does the pattern match this topic".
    /// </summary>
    public static bool IsCoveredBy(string filter, string pattern)
    {
        string[] f = filter.Split('/');
        string[] p = pattern.Split('/');
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == "#")
            {
                return true;
            }

            if (i >= f.Length)
            {
                return false;
            }

            bool matches = p[i] == "+" ? f[i] != "#" : f[i] == p[i];
            if (!matches)
            {
                return false;
            }
        }

        return f.Length == p.Length;
    }

    private static bool IsWellFormedText(string topic, out string reason)
    {
        reason = "";
        if (string.IsNullOrEmpty(topic))
        {
            reason = "the topic is empty";
            return false;
        }

        if (System.Text.Encoding.UTF8.GetByteCount(topic) > TopicBytesMax)
        {
            reason = $"the topic is longer than {TopicBytesMax} bytes";
            return false;
        }

        if (topic.Contains('\0', StringComparison.Ordinal))
        {
            reason = "the topic contains a NUL character";
            return false;
        }

        if (topic[0] == '$')
        {
            reason = "$-topics (broker system and shared subscriptions) are not open to clients";
            return false;
        }

        return true;
    }
}
