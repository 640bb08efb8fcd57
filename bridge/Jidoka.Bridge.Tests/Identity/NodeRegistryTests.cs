using System;
using System.IO;
using Jidoka.Bridge.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Jidoka.Bridge.Tests.Identity;

/// <summary>Provisioning, authentication, revocation and the registry file.</summary>
public sealed class NodeRegistryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jidoka-registry-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    [Fact]
    public void A_provisioned_node_authenticates_under_its_own_client_id_only()
    {
        NodeRegistry registry = NodeRegistry.Empty.AddNode("cell-a", "press-1", Now, out ProvisionedCredential node);

        Assert.Equal(AuthenticationOutcome.Admitted, registry.Authenticate("press-1", node.Password, "press-1", out ClientIdentity? identity));
        Assert.Equal("cell-a", identity!.CellId);
        Assert.Equal(AuthenticationOutcome.ClientIdMismatch, registry.Authenticate("press-1", node.Password, "press-1-x", out _));
        Assert.Equal(AuthenticationOutcome.BadPassword, registry.Authenticate("press-1", node.Password + "x", "press-1", out _));
        Assert.Equal(AuthenticationOutcome.UnknownUser, registry.Authenticate("press-9", node.Password, "press-9", out _));
        Assert.Equal(AuthenticationOutcome.MissingCredentials, registry.Authenticate(null, null, "anything", out _));
        Assert.Equal(AuthenticationOutcome.MissingCredentials, registry.Authenticate("press-1", "", "press-1", out _));
        Assert.Equal(RegisteredClient.NodeKeyBytes, node.Client.NodeKey.Length);
        Assert.DoesNotContain(node.Password, node.Client.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public void No_other_client_may_take_a_nodes_client_id()
    {
        NodeRegistry registry = NodeRegistry.Empty
            .AddNode("cell-a", "press-1", Now, out _)
            .AddClient(ClientIdentity.ForTechnician("tech.anna"), Now, out ProvisionedCredential tech);

        Assert.Equal(AuthenticationOutcome.ClientIdMismatch, registry.Authenticate("tech.anna", tech.Password, "press-1", out _));
        Assert.Equal(AuthenticationOutcome.Admitted, registry.Authenticate("tech.anna", tech.Password, "jidoka-cli-1234", out _));
    }

    [Fact]
    public void A_revoked_client_is_refused_and_its_key_no_longer_served()
    {
        NodeRegistry registry = NodeRegistry.Empty.AddNode("cell-a", "press-1", Now, out ProvisionedCredential node);
        Assert.True(registry.TryGetNodeKey("cell-a", "press-1", out _));
        Assert.False(registry.TryGetNodeKey("cell-b", "press-1", out _));

        NodeRegistry revoked = registry.Revoke("press-1", Now.AddMinutes(1));

        Assert.Equal(AuthenticationOutcome.Revoked, revoked.Authenticate("press-1", node.Password, "press-1", out _));
        Assert.False(revoked.TryGetNodeKey("cell-a", "press-1", out _));
        Assert.Throws<ArgumentException>(() => revoked.AddNode("cell-a", "press-1", Now, out _));
    }

    [Fact]
    public void Reissuing_rotates_password_and_key()
    {
        NodeRegistry registry = NodeRegistry.Empty.AddNode("cell-a", "press-1", Now, out ProvisionedCredential first);
        NodeRegistry rotated = registry.Revoke("press-1", Now).Reissue("press-1", Now.AddHours(1), out ProvisionedCredential second);

        Assert.Equal(AuthenticationOutcome.BadPassword, rotated.Authenticate("press-1", first.Password, "press-1", out _));
        Assert.Equal(AuthenticationOutcome.Admitted, rotated.Authenticate("press-1", second.Password, "press-1", out _));
        Assert.NotEqual(first.Client.NodeKey, second.Client.NodeKey);
    }

    [Fact]
    public void The_file_round_trips_and_is_owner_only()
    {
        string path = Path.Combine(_dir, NodeRegistryFile.DefaultFileName);
        NodeRegistry registry = NodeRegistry.Empty
            .AddNode("cell-a", "press-1", Now, out ProvisionedCredential node)
            .AddClient(ClientIdentity.ForBridge("bridge-1"), Now, out _)
            .Revoke("bridge-1", Now);

        NodeRegistryFile.Save(path, registry);
        NodeRegistry loaded = NodeRegistryFile.Load(path);

        Assert.Equal(2, loaded.Count);
        Assert.True(loaded.TryGetNodeKey("cell-a", "press-1", out byte[] key));
        Assert.Equal(node.Client.NodeKey, key);
        Assert.Equal(AuthenticationOutcome.Admitted, loaded.Authenticate("press-1", node.Password, "press-1", out _));
        Assert.True(loaded.TryFind("bridge-1", out RegisteredClient bridge) && bridge.IsRevoked);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Theory]
    [InlineData("{ not json", "line 1")]
    [InlineData("{\"version\": 9, \"clients\": []}", "format version 9")]
    [InlineData("{\"version\": 1, \"clients\": [{\"userName\": \"Press\", \"role\": \"Node\", \"cellId\": \"c\", \"nodeId\": \"Press\", \"passwordHash\": \"x\"}]}", "entry 'Press'")]
    public void A_broken_file_is_refused_naming_what_is_wrong(string text, string expected)
    {
        Directory.CreateDirectory(_dir);
        string path = Path.Combine(_dir, "broken.json");
        File.WriteAllText(path, text);

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => NodeRegistryFile.Load(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_watcher_takes_a_revocation_without_a_restart_and_keeps_the_last_good_registry_on_a_broken_file()
    {
        string path = Path.Combine(_dir, NodeRegistryFile.DefaultFileName);
        NodeRegistry registry = NodeRegistry.Empty.AddNode("cell-a", "press-1", Now, out ProvisionedCredential node);
        NodeRegistryFile.Save(path, registry);
        using var watcher = new NodeRegistryWatcher(path, TimeSpan.FromHours(1), NullLogger.Instance);
        Assert.Equal(AuthenticationOutcome.Admitted, watcher.Current.Authenticate("press-1", node.Password, "press-1", out _));

        NodeRegistryFile.Save(path, registry.Revoke("press-1", Now));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(1));
        Assert.True(watcher.Reload());
        Assert.Equal(AuthenticationOutcome.Revoked, watcher.Current.Authenticate("press-1", node.Password, "press-1", out _));

        File.WriteAllText(path, "{ half written");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(2));
        Assert.False(watcher.Reload());
        Assert.Equal(1, watcher.ReloadFailureCount);
        Assert.Equal(AuthenticationOutcome.Revoked, watcher.Current.Authenticate("press-1", node.Password, "press-1", out _));
    }
}
