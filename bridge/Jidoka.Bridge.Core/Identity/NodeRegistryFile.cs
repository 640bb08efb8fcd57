using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jidoka.Bridge.Identity;

/// <summary>
/// The node registry on disk: one JSON file beside the bridge's data file, readable and writable by its
/// owner only (it holds the nodes' keys). Saved by writing a temporary file and renaming it over the old
/// one, so a crash mid-save leaves the previous registry intact and a reader never sees half a file.
/// </summary>
public static class NodeRegistryFile
{
    /// <summary>Format version written; a file of another version is refused rather than guessed at.</summary>
    public const int FormatVersion = 1;

    /// <summary>File name used beside the data file when no path is configured.</summary>
    public const string DefaultFileName = "node-registry.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Loads <paramref name="path"/>; a missing file is an empty registry. Errors name the file and the entry.</summary>
    public static NodeRegistry Load(string path)
    {
        if (!File.Exists(path))
        {
            return NodeRegistry.Empty;
        }

        FileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<FileDocument>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"node registry {path}: not valid JSON at line {(e.LineNumber ?? 0) + 1}: {e.Message}", e);
        }

        if (document is null || document.Version != FormatVersion)
        {
            throw new InvalidDataException($"node registry {path}: format version {document?.Version} is not {FormatVersion}");
        }

        var clients = new List<RegisteredClient>();
        foreach (FileEntry entry in document.Clients ?? new List<FileEntry>())
        {
            try
            {
                clients.Add(entry.ToClient());
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new InvalidDataException($"node registry {path}: entry '{entry.UserName}': {e.Message}", e);
            }
        }

        try
        {
            return NodeRegistry.From(clients);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"node registry {path}: {e.Message}", e);
        }
    }

    /// <summary>Saves <paramref name="registry"/> to <paramref name="path"/> atomically, owner-only.</summary>
    public static void Save(string path, NodeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var document = new FileDocument { Version = FormatVersion, Clients = new List<FileEntry>() };
        foreach (RegisteredClient client in registry.Clients)
        {
            document.Clients.Add(FileEntry.From(client));
        }

        string temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, document, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private sealed class FileDocument
    {
        public int Version { get; set; }

        public List<FileEntry>? Clients { get; set; }
    }

    private sealed class FileEntry
    {
        public string UserName { get; set; } = "";

        [JsonConverter(typeof(JsonStringEnumConverter<ClientRole>))]
        public ClientRole Role { get; set; }

        public string? CellId { get; set; }

        public string? NodeId { get; set; }

        public string PasswordHash { get; set; } = "";

        public string? NodeKey { get; set; }

        public DateTimeOffset CreatedUtc { get; set; }

        public DateTimeOffset? RevokedUtc { get; set; }

        public static FileEntry From(RegisteredClient client) => new()
        {
            UserName = client.UserName,
            Role = client.Identity.Role,
            CellId = client.Identity.Role == ClientRole.Node ? client.Identity.CellId : null,
            NodeId = client.Identity.Role == ClientRole.Node ? client.Identity.NodeId : null,
            PasswordHash = client.PasswordHash,
            NodeKey = client.NodeKey.Length > 0 ? Convert.ToHexString(client.NodeKey).ToLowerInvariant() : null,
            CreatedUtc = client.CreatedUtc,
            RevokedUtc = client.RevokedUtc,
        };

        public RegisteredClient ToClient()
        {
            ClientIdentity identity = Role switch
            {
                ClientRole.Node => ClientIdentity.ForNode(CellId ?? "", NodeId ?? ""),
                ClientRole.Bridge => ClientIdentity.ForBridge(UserName),
                _ => ClientIdentity.ForTechnician(UserName),
            };

            if (identity.UserName != UserName)
            {
                throw new ArgumentException($"a node's user name must be its node id '{identity.NodeId}'");
            }

            byte[] key = string.IsNullOrEmpty(NodeKey) ? Array.Empty<byte>() : Convert.FromHexString(NodeKey);
            return new RegisteredClient(identity, PasswordHash, key, CreatedUtc, RevokedUtc);
        }
    }
}
