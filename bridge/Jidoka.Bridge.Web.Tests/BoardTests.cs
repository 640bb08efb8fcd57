using System.Diagnostics;
using System.Threading.Tasks;
using Jidoka.Bridge.Tests.Support;
using Jidoka.Bridge.TwinFeed.Tests.Support;
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
    public async Task The_board_resumes_its_stream_with_Last_Event_ID_and_misses_nothing()
    {
        // A client may fall 3 messages behind; a burst of events cuts it off ("overflow"), as a slow wall
        // screen would be. The browser then reconnects with Last-Event-ID and the bridge replays the rest.
        await using WebCell cell = await WebCell.StartAsync(settings: new() { ["Bridge:Http:StreamQueueMessages"] = "3" });
        TestNode press = await cell.NodeAsync("cell-a", "press-03");
        await cell.OpenAsync();
        ILocator tile = cell.Page.Locator("#tile-press-03");
        await Expect(tile).ToHaveAttributeAsync("data-state", "armed");

        var streams = new System.Collections.Concurrent.ConcurrentQueue<IRequest>();
        cell.Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/v1/stream", System.StringComparison.Ordinal))
            {
                streams.Enqueue(request);
            }
        };
        for (ulong id = 500; id < 520; id++)
        {
            await press.SendEventAsync(Messages.NearMiss("press-03", id, press.BootId, id * 1000));
        }

        await press.PublishStatusAsync(TripState.Tripped, TripRule.InterlockOpen, ResponseClass.Pause);
        await Expect(tile).ToHaveAttributeAsync("data-state", "tripped", new() { Timeout = 15_000 });
        await Expect(tile.Locator(".cause")).ToHaveTextAsync("interlock-open → pause");
        await Eventually.UntilAsync(() => !streams.IsEmpty, "the stream reopened after the overflow");
        IRequest reopened = streams.ToArray()[0];
        string lastEventId = await reopened.HeaderValueAsync("last-event-id") ?? "";
        Assert.True(lastEventId.Length > 0, "reopened without Last-Event-ID: " + reopened.Url);
        cell.AssertNoPageErrors();
    }
}
