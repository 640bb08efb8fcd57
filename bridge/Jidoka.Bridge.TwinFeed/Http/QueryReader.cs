using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;
using Microsoft.AspNetCore.Http;

namespace Jidoka.Bridge.TwinFeed.Http;

/// <summary>
/// Checks an endpoint's query parameters with clear refusals. The endpoint binds each parameter as a
/// string (so the OpenAPI description lists it) and passes it to a getter, which returns the value
/// (or null when absent) and remembers the first problem; <see cref="Problem"/> turns it into a 400.
/// A parameter the endpoint does not take is a problem too, so a typo ("nod=") never silently widens
/// a query.
/// </summary>
public sealed class QueryReader
{
    private IResult? _problem;

    /// <summary>Reads <paramref name="query"/>, which may hold only <paramref name="allowed"/> names.</summary>
    public QueryReader(IQueryCollection query, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(allowed);
        foreach (string key in query.Keys)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                Fail(key, allowed.Length == 0
                    ? $"Unknown query parameter '{key}': this endpoint takes none."
                    : $"Unknown query parameter '{key}': this endpoint takes {string.Join(", ", allowed)}.");
                return;
            }

            if (query[key].Count > 1)
            {
                Fail(key, $"Query parameter '{key}' is given {query[key].Count} times; give it once.");
                return;
            }
        }
    }

    /// <summary>The 400 answer for the first problem, or null when every parameter read was fine.</summary>
    public IResult? Problem => _problem;

    /// <summary>A node or cell id (1-16 of a-z, 0-9, '-', '_').</summary>
    public string? Id(string name, string? value)
    {
        string? text = Text(name, value);
        if (text != null && !Identifiers.IsValidId(text))
        {
            Fail(name, $"Query parameter '{name}' must be an id (1-16 of a-z, 0-9, '-', '_'); got '{text}'.");
            return null;
        }

        return text;
    }

    /// <summary>
    /// A wall-clock time: an ISO 8601 time with a date ("2025-03-01T10:00:00Z", "2025-03-01") or an
    /// integer of Unix microseconds. Times without an offset are UTC.
    /// </summary>
    public long? Time(string name, string? value)
    {
        string? text = Text(name, value);
        if (text == null)
        {
            return null;
        }

        if (TimeText.TryParseUnixUs(text, out long unixUs))
        {
            return unixUs;
        }

        Fail(name, $"Query parameter '{name}' must be an ISO 8601 time such as 2025-03-01T10:00:00Z, or Unix microseconds; got '{text}'.");
        return null;
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent.</summary>
    public int Int(string name, string? value, int min, int max, int fallback)
    {
        string? text = Text(name, value);
        if (text == null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number) && number >= min && number <= max)
        {
            return number;
        }

        Fail(name, $"Query parameter '{name}' must be an integer from {min} to {max}; got '{text}'.");
        return fallback;
    }

    /// <summary>A live-stream message id (a non-negative integer), or null when absent.</summary>
    public long? MessageId(string name, string? value)
    {
        string? text = Text(name, value);
        if (text == null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
        {
            return id;
        }

        Fail(name, $"'{name}' (or the Last-Event-ID header) must be a stream message id, a non-negative integer; got '{text}'.");
        return null;
    }

    /// <summary>"true" or "false", or <paramref name="fallback"/> when absent.</summary>
    public bool Bool(string name, string? value, bool fallback)
    {
        string? text = Text(name, value);
        switch (text)
        {
            case null:
                return fallback;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Fail(name, $"Query parameter '{name}' must be true or false; got '{text}'.");
                return fallback;
        }
    }

    /// <summary>A rule that trips, by name ("force-over-limit"...).</summary>
    public TripRule? Cause(string name, string? value)
    {
        string? text = Text(name, value);
        if (text == null)
        {
            return null;
        }

        if (TripRuleNames.TryParse(text, out TripRule rule) && Contracts.PolicyFile.RespondingRules.Contains(rule))
        {
            return rule;
        }

        Fail(name, $"Query parameter '{name}' must be a rule that trips ({string.Join(", ", Contracts.PolicyFile.RespondingRules.Select(TripRuleNames.Name))}); got '{text}'.");
        return null;
    }

    /// <summary>A case status: "open", "reset" or "recovered".</summary>
    public CaseStatus? Status(string name, string? value)
    {
        string? text = Text(name, value);
        if (text == null)
        {
            return null;
        }

        if (Views.ViewNames.TryParseCaseStatus(text, out CaseStatus status))
        {
            return status;
        }

        Fail(name, $"Query parameter '{name}' must be open, reset or recovered; got '{text}'.");
        return null;
    }

    /// <summary>An event type by name ("trip", "near-miss"...).</summary>
    public EventType? EventType(string name, string? value)
    {
        string? text = Text(name, value);
        if (text == null)
        {
            return null;
        }

        if (EventTypeNames.TryParse(text, out EventType type) && type != Protocol.EventType.None)
        {
            return type;
        }

        Fail(name, $"Query parameter '{name}' must be an event type (trip, reset, near-miss, ...; see docs/protocol.md); got '{text}'.");
        return null;
    }

    /// <summary>Checks that <paramref name="from"/> is not after <paramref name="to"/>.</summary>
    public void Order(long? from, long? to)
    {
        if (from is long f && to is long t && f > t)
        {
            Fail("from", "Query parameter 'from' is after 'to'.");
        }
    }

    /// <summary>Records a problem found by the caller (a path parameter, a combination).</summary>
    public void Fail(string parameter, string detail) => _problem ??= Problems.BadQuery(parameter, detail);

    private string? Text(string name, string? value)
    {
        if (value == null)
        {
            return null;
        }

        if (value.Length == 0)
        {
            Fail(name, $"Query parameter '{name}' is empty; leave it out or give a value.");
            return null;
        }

        return value;
    }
}
