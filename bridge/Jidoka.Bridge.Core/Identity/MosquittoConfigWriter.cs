using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Jidoka.Bridge.Identity;

/// <summary>
/// Writes an external Mosquitto 2's configuration from the node registry: a password_file with the
/// registry's own hashes (Mosquitto reads the $7$ PBKDF2-SHA512 form), an acl_file from
/// <see cref="TopicAccessPolicy"/> (the same rules the embedded broker enforces), and a mosquitto.conf
/// that refuses anonymous clients and bounds packets and queues. Revoked clients are left out of both
/// files. docs/security.md shows how to install and reload them.
/// </summary>
public static class MosquittoConfigWriter
{
    /// <summary>Names of the files written into the output folder.</summary>
    public const string ConfigFileName = "mosquitto.conf";

    /// <summary>The password_file's name.</summary>
    public const string PasswordFileName = "passwords";

    /// <summary>The acl_file's name.</summary>
    public const string AclFileName = "acl";

    /// <summary>Settings for the generated listener.</summary>
    /// <param name="ListenAddress">Address the listener binds.</param>
    /// <param name="Port">Listener port.</param>
    /// <param name="QueuedBytesPerClient">Bound of what Mosquitto queues for one client, bytes.</param>
    /// <param name="CertificateFile">PEM certificate for a TLS listener; empty for plain TCP.</param>
    /// <param name="KeyFile">PEM private key of <paramref name="CertificateFile"/>.</param>
    public sealed record ListenerSettings(string ListenAddress, int Port, long QueuedBytesPerClient, string CertificateFile = "", string KeyFile = "");

    /// <summary>Writes the three files into <paramref name="directory"/>, the two secret ones owner-only.</summary>
    public static void Write(string directory, NodeRegistry registry, TopicAccessPolicy policy, ListenerSettings listener)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(listener);
        Directory.CreateDirectory(directory);
        string passwords = Path.Combine(Path.GetFullPath(directory), PasswordFileName);
        string acl = Path.Combine(Path.GetFullPath(directory), AclFileName);
        WriteOwnerOnly(passwords, PasswordFile(registry));
        WriteOwnerOnly(acl, AclFile(registry, policy));
        File.WriteAllText(Path.Combine(directory, ConfigFileName), Config(listener, passwords, acl));
    }

    /// <summary>The password_file text: one <c>user:hash</c> line per valid client.</summary>
    public static string PasswordFile(NodeRegistry registry)
    {
        var text = new StringBuilder();
        foreach (RegisteredClient client in Valid(registry))
        {
            text.Append(client.UserName).Append(':').Append(client.PasswordHash).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The acl_file text: per valid client, its write and read patterns and nothing else.</summary>
    public static string AclFile(NodeRegistry registry, TopicAccessPolicy policy)
    {
        var text = new StringBuilder("# Generated from the jidoka node registry; regenerate instead of editing (docs/security.md).\n");
        foreach (RegisteredClient client in Valid(registry))
        {
            text.Append("\nuser ").Append(client.UserName).Append('\n');
            foreach (string pattern in policy.PublishPatterns(client.Identity))
            {
                text.Append("topic write ").Append(pattern).Append('\n');
            }

            foreach (string pattern in policy.SubscribePatterns(client.Identity))
            {
                text.Append("topic read ").Append(pattern).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The mosquitto.conf text.</summary>
    public static string Config(ListenerSettings listener, string passwordFile, string aclFile)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var lines = new List<string>
        {
            "# Generated from the jidoka node registry by MosquittoConfigWriter (docs/security.md).",
            "per_listener_settings false",
            "allow_anonymous false",
            "password_file " + passwordFile,
            "acl_file " + aclFile,
            // A node's session is its node id: taking the user name as the client id means no client can
            // connect under another's id and end that client's session.
            "use_username_as_clientid true",
            "max_packet_size " + BrokerLimits.PacketBytesMax.ToString(CultureInfo.InvariantCulture),
            "max_queued_bytes " + listener.QueuedBytesPerClient.ToString(CultureInfo.InvariantCulture),
            "listener " + listener.Port.ToString(CultureInfo.InvariantCulture) + " " + listener.ListenAddress,
        };

        if (listener.CertificateFile.Length > 0)
        {
            lines.Add("certfile " + listener.CertificateFile);
            lines.Add("keyfile " + listener.KeyFile);
            lines.Add("tls_version tlsv1.2");
        }

        return string.Join('\n', lines) + "\n";
    }

    private static IEnumerable<RegisteredClient> Valid(NodeRegistry registry)
    {
        foreach (RegisteredClient client in registry.Clients)
        {
            if (!client.IsRevoked)
            {
                yield return client;
            }
        }
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(new FileStream(path, options));
        writer.Write(text);
    }
}
