namespace Jidoka.Cli.Mqtt;

/// <summary>Where and how `jidoka status` reaches the MQTT broker: address, TLS, and the technician's credentials.</summary>
/// <param name="Host">Broker host name or address.</param>
/// <param name="Port">Broker port.</param>
/// <param name="UseTls">Connect with TLS.</param>
/// <param name="AllowUntrustedCertificates">With TLS: accept a certificate that does not validate (a test broker's self-signed one).</param>
/// <param name="Username">User name, null for none.</param>
/// <param name="Password">Password, null for none.</param>
public sealed record BrokerEndpoint(string Host, int Port, bool UseTls = false, bool AllowUntrustedCertificates = false, string? Username = null, string? Password = null)
{
    /// <summary>"host:port" with " (TLS)" when encrypted, for messages.</summary>
    public override string ToString() => $"{Host}:{Port}{(UseTls ? " (TLS)" : "")}";
}
