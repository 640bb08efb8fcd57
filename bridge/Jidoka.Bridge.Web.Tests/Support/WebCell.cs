using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;
using Microsoft.Playwright;

namespace Jidoka.Bridge.Web.Tests.Support;

/// <summary>
/// A real bridge (TestBridge: embedded broker, SQLite file, Kestrel on a free loopback port) with
/// protocol-level nodes, and Chromium on its web app. Uncaught script errors on the page fail the test.
/// </summary>
public sealed class WebCell : IAsyncDisposable
{
    /// <summary>The operator token the bridge admits when started with accounts (op-7, reset and policy).</summary>
    public const string GoodToken = "7f3c9a0e5b2d4c6e8a1f3b5d7c9e0a2b4c6d8e0f1a3b5c7d";

    private readonly TempDir _dir;
    private readonly List<TestNode> _nodes = new();
    private readonly ConcurrentQueue<string> _pageErrors = new();
    private readonly CancellationTokenSource _stop = new();

    private WebCell(TempDir dir, TestBridge bridge, SystemChromium chromium, IPage page)
    {
        _dir = dir;
        Bridge = bridge;
        Chromium = chromium;
        Page = page;
        page.PageError += (_, error) => _pageErrors.Enqueue(error);
    }

    public TestBridge Bridge { get; }

    public SystemChromium Chromium { get; }

    public IPage Page { get; }

    /// <summary>Starts the bridge (with operator accounts when <paramref name="withOperators"/>, and any other <paramref name="settings"/>) and Chromium; the page is blank.</summary>
    public static async Task<WebCell> StartAsync(bool withOperators = false, int width = 1280, int height = 800, Dictionary<string, string?>? settings = null)
    {
        SystemChromium.RequireInstalled();
        settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Bridge:Cases:WindowBeforeMs"] = "200",
            ["Bridge:Cases:WindowAfterMs"] = "200",
        };
        if (withOperators)
        {
            settings["Bridge:Http:Operators:0:Id"] = "op-7";
            settings["Bridge:Http:Operators:0:TokenSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(GoodToken)));
            settings["Bridge:Http:Operators:0:Commands:0"] = "reset";
            settings["Bridge:Http:Operators:0:Commands:1"] = "policy";
        }

        var dir = new TempDir();
        TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"), settings);
        SystemChromium chromium = await SystemChromium.LaunchAsync(width, height);
        IPage page = await chromium.NewPageAsync();
        return new WebCell(dir, bridge, chromium, page);
    }

    /// <summary>Opens the web app at <paramref name="hash"/> ("#/board") and waits for the live stream.</summary>
    public async Task OpenAsync(string hash = "#/board")
    {
        await Page.GotoAsync(Bridge.BaseUrl + "/" + hash);
        await Assertions.Expect(Page.Locator("#stream-state")).ToHaveTextAsync("● live", new() { Timeout = 10_000 });
    }

    /// <summary>A node online with status <paramref name="trip"/>, kept until the cell is disposed.</summary>
    public async Task<TestNode> NodeAsync(string cellId, string nodeId, TripState trip = TripState.Armed, TripRule cause = TripRule.None, ResponseClass response = ResponseClass.None)
    {
        TestNode node = await Scenario.OnlineNodeAsync(Bridge, cellId, nodeId, trip, cause, response);
        _nodes.Add(node);
        return node;
    }

    /// <summary>
    /// Behaves as a node does after an accepted reset: its retained status says armed again. (TestNode answers
    /// the command and journals the reset event; the status is what the board shows.)
    /// </summary>
    public void ArmOnReset(TestNode node)
    {
        int seen = node.Commands.Count;
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                if (node.Commands.Count > seen)
                {
                    await node.PublishStatusAsync(TripState.Armed);
                    return;
                }

                await Task.Delay(20);
            }
        });
    }

    /// <summary>Stores policy <paramref name="document"/> through the bridge's API (the node answers applied) and returns its hash.</summary>
    public async Task<uint> ApplyPolicyAsync(string nodeId, PolicyDocument document)
    {
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, $"/api/v1/nodes/{nodeId}/policy")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new PolicyApplyRequest { Operator = "op-7", Policy = document }, options: TwinJson.Options),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", GoodToken);
        using System.Net.Http.HttpResponseMessage response = await Bridge.Http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.IsSuccessStatusCode, body);
        return PolicyFile.FromDocument(document).Policy!.ComputeHash();
    }

    /// <summary>Fails when the page threw an uncaught error.</summary>
    public void AssertNoPageErrors() => Xunit.Assert.True(_pageErrors.IsEmpty, "script errors on the page: " + string.Join(" | ", _pageErrors));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Chromium.DisposeAsync();
        foreach (TestNode node in _nodes)
        {
            await node.DisposeAsync();
        }

        await Bridge.DisposeAsync();
        _dir.Dispose();
        _stop.Dispose();
    }
}
