namespace Jidoka.Bridge.Identity;

/// <summary>The answer to "may this client publish to / subscribe with this topic", with the reason when not.</summary>
public readonly record struct TopicAccessDecision(bool Allowed, string Reason)
{
    /// <summary>Allowed.</summary>
    public static TopicAccessDecision Allow { get; } = new(true, "");

    /// <summary>Refused for <paramref name="reason"/>.</summary>
    public static TopicAccessDecision Deny(string reason) => new(false, reason);
}
