using System;
using Jidoka.Bridge.Web.Tests.Support;
using Xunit;
using Xunit.Sdk;

namespace Jidoka.Bridge.Web.Tests;

/// <summary>Without Chromium the browser tests skip loudly, except under CI=true, where they fail.</summary>
public sealed class SystemChromiumTests
{
    [Fact]
    public void A_missing_chromium_skips_on_a_developer_machine_and_fails_under_CI()
    {
        string? chromium = Environment.GetEnvironmentVariable("JIDOKA_CHROMIUM");
        string? ci = Environment.GetEnvironmentVariable("CI");
        try
        {
            // This assembly runs its tests one at a time, so changing the process environment here is safe.
            Environment.SetEnvironmentVariable("JIDOKA_CHROMIUM", "/nonexistent/chromium");
            Environment.SetEnvironmentVariable("CI", null);
            Xunit.SkipException skipped = Assert.Throws<Xunit.SkipException>(SystemChromium.RequireInstalled);
            Assert.Contains("the browser tests did NOT run", skipped.Message, StringComparison.Ordinal);

            Environment.SetEnvironmentVariable("CI", "true");
            var failed = Assert.ThrowsAny<XunitException>(SystemChromium.RequireInstalled);
            Assert.IsNotType<Xunit.SkipException>(failed);
            Assert.Contains("No Chromium at /nonexistent/chromium", failed.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("JIDOKA_CHROMIUM", chromium);
            Environment.SetEnvironmentVariable("CI", ci);
        }
    }
}
