using System.Threading.Tasks;
using Jidoka.Bridge.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace Jidoka.Bridge.Web.Tests;

public sealed class SmokeTests
{
    [SkippableFact]
    public async Task Chromium_launches()
    {
        await using SystemChromium chromium = await SystemChromium.LaunchAsync();
        IPage page = await chromium.NewPageAsync();
        await page.SetContentAsync("<h1>hi</h1>");
        Assert.Equal("hi", await page.InnerTextAsync("h1"));
    }
}
