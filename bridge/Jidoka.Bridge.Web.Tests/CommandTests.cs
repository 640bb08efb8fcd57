using System.Threading.Tasks;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.Web.Tests.Support;
using Jidoka.Protocol;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Jidoka.Bridge.Web.Tests;

/// <summary>Commands from the page, signed in with an operator token; refusals in the bridge's own words.</summary>
public sealed class CommandTests
{
    [SkippableFact]
    public async Task A_reset_from_the_page_with_a_good_token_clears_the_trip_and_names_the_tokens_operator()
    {
        await using WebCell cell = await WebCell.StartAsync(withOperators: true);
        TestNode press = await cell.NodeAsync("cell-a", "press-01", TripState.Tripped, TripRule.ForceOverLimit, ResponseClass.Regrip);
        cell.ArmOnReset(press);
        await cell.OpenAsync();
        IPage page = cell.Page;
        await page.FillAsync("#signin-token", WebCell.GoodToken);
        await page.ClickAsync("#signin-button");
        await Expect(page.Locator("#identity")).ToHaveTextAsync("signed in: token's operator (token)");
        Assert.Equal(WebCell.GoodToken, await page.EvaluateAsync<string>("() => sessionStorage.getItem('jidoka.token')"));

        ILocator tile = page.Locator("#tile-press-01");
        await Expect(tile).ToHaveAttributeAsync("data-state", "tripped");
        await tile.GetByRole(AriaRole.Button, new() { Name = "Reset press-01" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("✔ Done: press-01: reset applied.");
        await Expect(tile).ToHaveAttributeAsync("data-state", "armed", new() { Timeout = 5000 });
        CommandMessage sent = Assert.Single(press.Commands);
        Assert.Equal(CommandType.Reset, sent.CommandType);
        Assert.Equal("op-7", sent.OperatorId);
        cell.AssertNoPageErrors();
    }

    [SkippableFact]
    public async Task A_bad_token_is_refused_with_the_bridges_message_and_nothing_is_sent()
    {
        await using WebCell cell = await WebCell.StartAsync(withOperators: true);
        TestNode press = await cell.NodeAsync("cell-a", "press-02", TripState.Tripped, TripRule.InterlockOpen, ResponseClass.Pause);
        await cell.OpenAsync();
        IPage page = cell.Page;
        await page.FillAsync("#signin-operator", "op-7");
        await page.FillAsync("#signin-token", "not-a-token-of-this-bridge");
        await page.ClickAsync("#signin-button");
        await page.Locator("#tile-press-02").GetByRole(AriaRole.Button, new() { Name = "Reset press-02" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("✖ Refused: The token is not one of this bridge's operator tokens.");
        await Expect(page.Locator("#notice")).ToHaveAttributeAsync("role", "alert");

        // Signed out, the bridge asks for a token: again its own message.
        await page.ClickAsync("#signout-button");
        await page.Locator("#tile-press-02").GetByRole(AriaRole.Button, new() { Name = "Reset press-02" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("✖ Refused: Commands on this bridge need 'Authorization: Bearer <token>'");
        Assert.Empty(press.Commands);
        await Expect(page.Locator("#tile-press-02")).ToHaveAttributeAsync("data-state", "tripped");
        cell.AssertNoPageErrors();
    }

    [SkippableFact]
    public async Task A_policy_applied_from_the_node_page_reaches_the_node_and_an_invalid_one_is_refused_by_name()
    {
        await using WebCell cell = await WebCell.StartAsync(withOperators: true);
        TestNode press = await cell.NodeAsync("cell-a", "press-03");
        await cell.OpenAsync("#/node/press-03");
        IPage page = cell.Page;
        await page.FillAsync("#signin-token", WebCell.GoodToken);
        await page.ClickAsync("#signin-button");
        string policy = System.Text.Json.JsonSerializer.Serialize(PolicyFiles.Valid(31), Jidoka.Bridge.Contracts.TwinJson.Options);
        await page.FillAsync("#policy-json", policy);
        await page.ClickAsync("#policy-apply");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("✔ Done: press-03: apply-policy applied.");
        Assert.Equal(31u, Assert.Single(press.Commands).Policy.PolicyId);

        await page.FillAsync("#policy-json", policy.Replace("\"policyId\":31", "\"policyId\":32", System.StringComparison.Ordinal).Replace("\"forceWarnMilliNewtons\":400000", "\"forceWarnMilliNewtons\":460000", System.StringComparison.Ordinal));
        await page.ClickAsync("#policy-apply");
        await Expect(page.Locator("#notice")).ToContainTextAsync("✖ Refused: policy: invalid policy: force-warn");
        Assert.Single(press.Commands);
        cell.AssertNoPageErrors();
    }
}
