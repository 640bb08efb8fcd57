using System;
using System.IO;
using System.Threading.Tasks;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.Web.Tests.Support;
using Jidoka.Protocol;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Jidoka.Bridge.Web.Tests;

/// <summary>
/// The screenshots in docs/ (web-app-board.png, web-app-case.png), taken from a bridge with four nodes in
/// two cells, one tripped with its case. They go to JIDOKA_SCREENSHOTS when set (docs/make-screenshots.sh
/// sets it to docs/images), otherwise to a temp directory; either way the test checks they were written.
/// </summary>
public sealed class ScreenshotTests
{
    [SkippableFact]
    public async Task Board_and_case_review_screenshots()
    {
        string target = Environment.GetEnvironmentVariable("JIDOKA_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "jidoka-screenshots");
        Directory.CreateDirectory(target);
        await using WebCell cell = await WebCell.StartAsync(width: 1400, height: 900);
        TestNode press = await cell.NodeAsync("cell-a", "press-01");
        uint hash = await cell.ApplyPolicyAsync("press-01", PolicyFiles.Valid(8));
        TestNode press2 = await cell.NodeAsync("cell-a", "press-02");
        await TripStory.StatusAsync(press2, TripState.Armed, 8, hash);
        TestNode robot = await cell.NodeAsync("cell-b", "robot-03");
        await TripStory.StatusAsync(robot, TripState.Armed, 8, hash);
        TestNode gripper = await cell.NodeAsync("cell-b", "gripper-04");
        gripper.Drop();
        await TripStory.RunAsync(press, 8, hash);
        await Eventually.UntilAsync(async () => (await cell.Bridge.Runtime.Store.GetCaseAsync(1, default))?.WindowComplete == true, "case 1 complete");

        await cell.OpenAsync();
        await Expect(cell.Page.Locator("#tile-press-01")).ToHaveAttributeAsync("data-state", "tripped");
        await Expect(cell.Page.Locator("#tile-gripper-04")).ToHaveAttributeAsync("data-state", "offline", new() { Timeout = 10_000 });
        await Expect(cell.Page.Locator("#tile-press-01 a.button")).ToHaveTextAsync("Case 1");
        string board = Path.Combine(target, "web-app-board.png");
        await cell.Page.ScreenshotAsync(new() { Path = board, FullPage = true });

        await cell.Page.Locator("#tile-press-01 a.button").ClickAsync();
        await Expect(cell.Page.Locator("figure.curve canvas")).ToHaveCountAsync(2);
        string review = Path.Combine(target, "web-app-case.png");
        await cell.Page.ScreenshotAsync(new() { Path = review, FullPage = true });

        Assert.True(new FileInfo(board).Length > 20_000, board);
        Assert.True(new FileInfo(review).Length > 20_000, review);
        cell.AssertNoPageErrors();
    }
}
