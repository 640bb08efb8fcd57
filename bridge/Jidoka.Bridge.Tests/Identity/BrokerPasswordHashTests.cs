using System.Diagnostics;
using System.IO;
using Jidoka.Bridge.Identity;
using Xunit;

namespace Jidoka.Bridge.Tests.Identity;

/// <summary>The registry's broker password hashes are Mosquitto's own $7$ form, both ways.</summary>
public sealed class BrokerPasswordHashTests
{
    [Fact]
    public void A_hash_verifies_its_password_only()
    {
        string password = BrokerPasswordHash.NewPassword();
        string hash = BrokerPasswordHash.Create(password);

        Assert.StartsWith("$7$1000$", hash, System.StringComparison.Ordinal);
        Assert.True(BrokerPasswordHash.Verify(password, hash));
        Assert.False(BrokerPasswordHash.Verify(password + "x", hash));
        Assert.NotEqual(hash, BrokerPasswordHash.Create(password)); // fresh salt
        Assert.Equal(32, password.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("$6$101$c2FsdA==$aGFzaA==")]
    [InlineData("$7$0$c2FsdA==$aGFzaA==")]
    [InlineData("$7$101$not base64!$aGFzaA==")]
    [InlineData("$7$101$c2FsdA==$aGFzaA==")] // hash of the wrong length
    public void Malformed_stored_values_verify_nothing(string stored) =>
        Assert.False(BrokerPasswordHash.Verify("anything", stored));

    [SkippableFact]
    public void A_hash_made_by_mosquitto_passwd_verifies()
    {
        const string tool = "/usr/bin/mosquitto_passwd";
        bool ci = System.Environment.GetEnvironmentVariable("CI") == "true";
        if (!File.Exists(tool))
        {
            Assert.False(ci, "mosquitto_passwd is missing under CI=true (.ci/run installs mosquitto)");
            Skip.If(true, "SKIPPED (not passed): mosquitto_passwd is not installed (apt-get install mosquitto)");
        }

        string file = Path.GetTempFileName();
        try
        {
            using (Process process = Process.Start(tool, new[] { "-b", file, "tech.anna", "s3cret-Pw" })!)
            {
                process.WaitForExit();
                Assert.Equal(0, process.ExitCode);
            }

            string line = File.ReadAllText(file).Trim();
            string stored = line[(line.IndexOf(':') + 1)..];
            Assert.True(BrokerPasswordHash.Verify("s3cret-Pw", stored));
            Assert.False(BrokerPasswordHash.Verify("s3cret-pw", stored));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
