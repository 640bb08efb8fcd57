namespace Jidoka.Bridge.Identity;

/// <summary>The two things a client can ask a broker to do with a topic.</summary>
public enum MqttAccess
{
    /// <summary>Publish a message on a topic name.</summary>
    Publish,

    /// <summary>Subscribe with a topic filter (which may hold wildcards).</summary>
    Subscribe,
}
