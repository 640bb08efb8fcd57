using System.Diagnostics;
using System.Threading.Tasks;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.Web.Tests.Support;
using Jidoka.Protocol;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Jidoka.Bridge.Web.Tests;

/// <summary>The andon board in Chromium against a running bridge: live, grouped by cell, state in words.</summary>
public sealed class BoardTests
{
    private readonly ITestOutputHelper _output;

    public BoardTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public async Task A_trip_turns_the_nodes_tile_red_within_a_second_with_its_cause_and_response()
    {
        await using WebCell cell = await WebCell.StartAsync();
        TestNode press = await cell.NodeAsync("cell-a", "press-01");
        await cell.NodeAsync("cell-b", "robot-02");
        await cell.OpenAsync();
        ILocator tile = cell.Page.Locator("#tile-press-01");
        await Expect(tile).ToHaveAttributeAsync("data-state", "armed");
        await Expect(tile.Locator(".state-word")).ToHaveTextAsync("ARMED");
        await Expect(cell.Page.Locator("section[aria-label='cell cell-b'] #tile-robot-02")).ToBeVisibleAsync();

        var clock = Stopwatch.StartNew();
        await press.PublishStatusAsync(TripState.Tripped, TripRule.ForceOverLimit, ResponseClass.Regrip);
        await Expect(tile).ToHaveAttributeAsync("data-state", "tripped", new() { Timeout = 1000 });
        _output.WriteLine($"tile tripped {clock.ElapsedMilliseconds} ms after the status was published");
        await Expect(tile.Locator(".state-word")).ToHaveTextAsync("TRIPPED");
        await Expect(tile.Locator(".cause")).ToHaveTextAsync("force-over-limit → regrip");
        // Red, and not only red: the word and the icon say it too.
        Assert.Equal("rgb(198, 40, 40)", await tile.EvaluateAsync<string>("e => getComputedStyle(e).borderLeftColor"));
        await Expect(cell.Page.Locator("#tile-robot-02")).ToHaveAttributeAsync("data-state", "armed");
        await Expect(cell.Page.Locator("#board-summary")).ToHaveTextAsync("2 node(s): 1 tripped, 0 offline.");

        // A node that drops off the network shows OFFLINE (its last will), with what it last said.
        press.Drop();
        await Expect(tile).ToHaveAttributeAsync("data-state", "offline", new() { Timeout = 10_000 });
        await Expect(tile.Locator(".last-known")).ToHaveTextAsync("last known: tripped");
        cell.AssertNoPageErrors();
    }

    [SkippableFact]
    public async Task After_a_network_cut_the_board_resumes_its_stream_with_Last_Event_ID_and_gets_what_it_missed()
    {
        await using WebCell cell = await WebCell.StartAsync();
        await using var relay = new TcpRelay(new System.Uri(cell.Bridge.BaseUrl).Port);
        TestNode press = await cell.NodeAsync("cell-a", "press-03");
        var requests = new System.Collections.Concurrent.ConcurrentQueue<IRequest>();
        cell.Page.Request += (_, request) => requests.Enqueue(request);
        await cell.Page.GotoAsync($"http://127.0.0.1:{relay.Port}/#/board");
        ILocator tile = cell.Page.Locator("#tile-press-03");
        await Expect(cell.Page.Locator("#stream-state")).ToHaveTextAsync("● live", new() { Timeout = 10_000 });
        await Expect(tile).ToHaveAttributeAsync("data-state", "armed");
        // Something with a message id reaches the page first (the snapshot's node messages carry none).
        await Scenario.SendAckedAsync(press, Messages.NearMiss("press-03", 70, press.BootId, 4_000_000));
        await Expect(cell.Page.Locator("#stream-state")).ToHaveAttributeAsync("data-last-event-id", new System.Text.RegularExpressions.Regex("^[0-9]+$"), new() { Timeout = 5000 });

        // The screen's network drops; meanwhile the node trips and its case opens.
        relay.Cut();
        await Expect(cell.Page.Locator("#stream-state")).ToHaveTextAsync("○ reconnecting…", new() { Timeout = 10_000 });
        int before = requests.Count;
        await Scenario.TripAsync(press, 71, 5_000_000, TripRule.InterlockOpen, ResponseClass.Pause);
        await press.PublishStatusAsync(TripState.Tripped, TripRule.InterlockOpen, ResponseClass.Pause);
        await Eventually.UntilAsync(() => cell.Bridge.Runtime.Directory.TryGet("press-03", out Jidoka.Bridge.Storage.NodeRecord n) && n.TripState == TripState.Tripped, "press-03 tripped at the bridge");
        relay.Restore();

        // The case link comes only from the stream's "case" message (the open-case list is read at start and
        // on resync), so seeing it with no re-read of the case list means the bridge replayed what was missed.
        await Expect(tile).ToHaveAttributeAsync("data-state", "tripped", new() { Timeout = 15_000 });
        try
        {
            await Expect(tile.Locator("a.button")).ToHaveTextAsync("Case 1", new() { Timeout = 15_000 });
        }
        finally
        {
            foreach (IRequest r in requests.ToArray()[before..])
            {
                _output.WriteLine($"{r.Url} last-event-id={await r.HeaderValueAsync("last-event-id")} failure={r.Failure}");
            }

            _output.WriteLine("stream state: " + await cell.Page.Locator("#stream-state").TextContentAsync());
        }
        await Expect(tile.Locator(".cause")).ToHaveTextAsync("interlock-open → pause");
        IRequest[] after = requests.ToArray()[before..];
        IRequest? resumed = null;
        foreach (IRequest r in after)
        {
            if (r.Url.Contains("/api/v1/stream", System.StringComparison.Ordinal) && !string.IsNullOrEmpty(await r.HeaderValueAsync("last-event-id")))
            {
                resumed = r;
            }
        }

        Assert.True(resumed != null, "no stream request carried Last-Event-ID: " + string.Join(" | ", System.Linq.Enumerable.Select(after, r => r.Url)));
        Assert.DoesNotContain(after, r => r.Url.Contains("/api/v1/cases", System.StringComparison.Ordinal));
        cell.AssertNoPageErrors();
    }
}
