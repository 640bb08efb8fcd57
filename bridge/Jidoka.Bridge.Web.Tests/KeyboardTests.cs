using System.Threading.Tasks;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.Web.Tests.Support;
using Jidoka.Protocol;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Jidoka.Bridge.Web.Tests;

/// <summary>Keyboard only: Tab reaches every main control in order, Enter activates it; no mouse anywhere.</summary>
public sealed class KeyboardTests
{
    [SkippableFact]
    public async Task Sign_in_navigation_case_review_and_reset_work_with_the_keyboard_alone()
    {
        await using WebCell cell = await WebCell.StartAsync(withOperators: true);
        TestNode press = await cell.NodeAsync("cell-a", "press-01");
        uint hash = await cell.ApplyPolicyAsync("press-01", PolicyFiles.Valid(8));
        await TripStory.RunAsync(press, 8, hash);
        await Eventually.UntilAsync(async () => await cell.Bridge.Runtime.Store.GetCaseAsync(1, default) != null, "case 1");
        cell.ArmOnReset(press);
        await cell.OpenAsync();
        IPage page = cell.Page;
        await Expect(page.Locator("#tile-press-01")).ToHaveAttributeAsync("data-state", "tripped");

        // The first Tab lands on the skip link, which a keyboard user may take straight to the content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await FocusedAsync(page, "id"));

        await TabToAsync(page, "#signin-token");
        await page.Keyboard.TypeAsync(WebCell.GoodToken);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#identity")).ToHaveTextAsync("signed in: token's operator (token)");

        // Main navigation: Cases, then the case, then its reset button.
        await page.Keyboard.PressAsync("Shift+Tab");
        await TabBackToAsync(page, "nav a[data-nav='cases']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Cases");
        await TabToAsync(page, "table.cases a[href='#/case/1']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Case 1: press-01");
        await TabToAsync(page, "#case-reset");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("✔ Done: press-01: reset applied.");
        CommandMessage reset = System.Linq.Enumerable.Last(press.Commands);
        Assert.Equal(CommandType.Reset, reset.CommandType);
        Assert.Equal("op-7", reset.OperatorId);

        // Back on the board the tile has turned, and its controls are reachable too.
        await page.Keyboard.PressAsync("Shift+Tab");
        await TabBackToAsync(page, "nav a[data-nav='board']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#tile-press-01")).ToHaveAttributeAsync("data-state", "armed", new() { Timeout = 5000 });
        await TabToAsync(page, "#tile-press-01 h3 a");
        // The focused control is visibly marked.
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Node press-01");
        cell.AssertNoPageErrors();
    }

    private static Task<string> FocusedAsync(IPage page, string attribute) =>
        page.EvaluateAsync<string>($"() => document.activeElement?.getAttribute('{attribute}') ?? ''");

    private static Task TabToAsync(IPage page, string selector) => MoveToAsync(page, selector, "Tab");

    private static Task TabBackToAsync(IPage page, string selector) => MoveToAsync(page, selector, "Shift+Tab");

    private static async Task MoveToAsync(IPage page, string selector, string key)
    {
        for (int i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement === document.querySelector(s)", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync(key);
        }

        Assert.Fail($"{key} never reached {selector}; focus is on {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing'")}");
    }
}
