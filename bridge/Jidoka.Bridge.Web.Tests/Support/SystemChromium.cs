using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace Jidoka.Bridge.Web.Tests.Support;

/// <summary>
/// The machine's own Chromium (Debian's package), launched headless by Playwright with a fresh profile.
/// Playwright never downloads a browser here: the executable path is always given. Without Chromium the
/// tests skip loudly, except under CI=true, where they fail (.ci/run installs it).
/// </summary>
public sealed class SystemChromium : IAsyncDisposable
{
    /// <summary>Where Debian installs chromium; JIDOKA_CHROMIUM overrides it.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    {
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    };

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private SystemChromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    /// <summary>The browser (one persistent context on a fresh profile directory).</summary>
    public IBrowserContext Context { get; }

    /// <summary>The executable the tests use.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("JIDOKA_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>Skips (or, under CI=true, fails) when there is no Chromium to drive.</summary>
    public static void RequireInstalled()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        string message = $"No Chromium at {ExecutablePath} (apt-get install chromium, or set JIDOKA_CHROMIUM): the browser tests did NOT run.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Skip.If(true, message);
    }

    /// <summary>Launches Chromium headless on a fresh profile with a 1280x800 window.</summary>
    public static async Task<SystemChromium> LaunchAsync(int width = 1280, int height = 800)
    {
        RequireInstalled();
        string profile = Path.Combine(Path.GetTempPath(), "jidoka-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        IPlaywright playwright = await Playwright.CreateAsync();
        try
        {
            IBrowserContext context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                ViewportSize = new ViewportSize { Width = width, Height = height },
                Timeout = 60_000,
            });
            return new SystemChromium(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A new tab.</summary>
    public Task<IPage> NewPageAsync() => Context.NewPageAsync();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits; the temp directory is cleaned later.
        }
    }
}
