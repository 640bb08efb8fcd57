using Jidoka.Protocol;

namespace Jidoka.Hil.Scenarios;

/// <summary>Protocol names (as the wire, the bridge and the docs spell them) for scenario files.</summary>
public static class Names
{
    /// <summary>Parses a trip rule name (force-over-limit…).</summary>
    public static bool TryRule(string name, out TripRule rule) => TripRuleNames.TryParse(name ?? "", out rule);

    /// <summary>Parses a response class name (pause, regrip…).</summary>
    public static bool TryResponse(string name, out ResponseClass response) => ResponseClassNames.TryParse(name ?? "", out response);

    /// <summary>Parses an event type name (trip, near-miss…).</summary>
    public static bool TryEventType(string name, out EventType type) => EventTypeNames.TryParse(name ?? "", out type);

    /// <summary>Parses an interlock name (guard, light-curtain, estop).</summary>
    public static bool TryInterlock(string name, out InputChannel channel) =>
        InputChannelNames.TryParse(name ?? "", out channel) && channel is InputChannel.Guard or InputChannel.LightCurtain or InputChannel.EStop;
}
