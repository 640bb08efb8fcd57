using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Jidoka.Bridge.Web.Tests;

/// <summary>The case list and the one-screen case review, from a trip with its samples, near-miss and policy.</summary>
public sealed class CaseReviewTests
{
    [SkippableFact]
    public async Task The_case_review_shows_the_limit_and_warning_band_the_case_was_judged_by_and_the_runbook()
    {
        await using WebCell cell = await WebCell.StartAsync(withOperators: true);
        TestNode press = await cell.NodeAsync("cell-a", "press-01");
        uint hash = await cell.ApplyPolicyAsync("press-01", PolicyFiles.Valid(8));
        await TripStory.RunAsync(press, 8, hash);
        await Eventually.UntilAsync(async () => (await cell.Bridge.Runtime.Store.GetCaseAsync(1, default))?.WindowComplete == true, "case 1 with its window complete");

        await cell.OpenAsync("#/cases?node=press-01&status=open");
        ILocator row = cell.Page.Locator("table.cases tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("force-over-limit");
        await row.GetByRole(AriaRole.Link, new() { Name = "Case 1" }).ClickAsync();

        IPage page = cell.Page;
        await Expect(page.Locator("h1")).ToHaveTextAsync("Case 1: press-01");
        await Expect(page.Locator("#limit-value")).ToHaveTextAsync("450.0 N");
        await Expect(page.Locator("#observed-value")).ToHaveTextAsync("452.3 N");
        await Expect(page.Locator("#warning-band")).ToHaveTextAsync("400.0 N – 450.0 N");
        await Expect(page.Locator("main")).ToContainTextAsync("450.0 N held for 3 ms");
        // The curve draws the limit and the band at those values (in N), and it drew the window's samples.
        ILocator force = page.Locator("figure.curve").First;
        await Expect(force).ToHaveAttributeAsync("data-limit", "450");
        await Expect(force).ToHaveAttributeAsync("data-band-from", "400");
        await Expect(force).ToHaveAttributeAsync("data-band-to", "450");
        await Expect(force.Locator("figcaption")).ToHaveTextAsync(new Regex("^Force around the trip \\(401 samples\\)$"));
        await Expect(force.Locator("canvas")).ToHaveCountAsync(1);
        await Expect(page.Locator("figure.curve").Nth(1)).ToHaveAttributeAsync("data-limit", "80");

        // Provenance, interlocks, near-miss, and the runbook as docs/operations.md words it.
        await Expect(page.Locator("main")).ToContainTextAsync($"8 ({hash:x8})");
        await Expect(page.Locator("main")).ToContainTextAsync("node-synced, synced ±500 µs");
        await Expect(page.Locator(".interlocks li.closed")).ToHaveCountAsync(6);
        await Expect(page.Locator("main")).ToContainTextAsync("event 60: peak 425.0 N");
        await Expect(page.Locator(".runbook")).ToContainTextAsync("look at the part and gripper: mis-grip, collision, wrong part, jam.");
        await Expect(page.Locator("main")).ToContainTextAsync("Reset" + "not yet");
        cell.AssertNoPageErrors();
    }

    [SkippableFact]
    public async Task A_policy_the_bridge_does_not_hold_leaves_the_band_unknown_instead_of_guessing()
    {
        await using WebCell cell = await WebCell.StartAsync();
        TestNode press = await cell.NodeAsync("cell-a", "press-02");
        await TripStory.RunAsync(press, 7, 0x1a2b3c4d);
        await Eventually.UntilAsync(async () => await cell.Bridge.Runtime.Store.GetCaseAsync(1, default) != null, "case 1");

        await cell.OpenAsync("#/case/1");
        await Expect(cell.Page.Locator("#limit-value")).ToHaveTextAsync("450.0 N");
        await Expect(cell.Page.Locator("#warning-band")).ToHaveTextAsync("unknown: policy 7 is not stored at this bridge (the node's own)");
        await Expect(cell.Page.Locator("figure.curve").First).ToHaveAttributeAsync("data-band-from", "");
        await Expect(cell.Page.Locator("figure.curve").First).ToHaveAttributeAsync("data-limit", "450");
        cell.AssertNoPageErrors();
    }
}
