using System;
using System.Collections.Generic;
using System.Text.Json;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Ingest;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TwinFeed.Views;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.TwinFeed.Stream;

/// <summary>
/// Turns what each ingest commit stored into stream messages (events, cases, node state changes) and
/// hands them to every subscribed client. Runs on the ingest thread, so it only serializes and
/// queues; the clients' own tasks write to the network.
/// </summary>
public sealed class TwinFeedHub : IDisposable
{
    private readonly IngestEngine _engine;
    private readonly NodeDirectory _directory;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly List<FeedSubscription> _subscribers = new();
    private readonly Dictionary<string, NodeStateKey> _announced = new(StringComparer.Ordinal);
    private readonly FeedReplayBuffer _replay;
    private readonly bool _replayEnabled;

    /// <summary>Creates the hub and starts listening to the engine's commits.</summary>
    public TwinFeedHub(IngestEngine engine, NodeDirectory directory, TwinFeedOptions options, TimeProvider clock, ILogger<TwinFeedHub> logger)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        ArgumentNullException.ThrowIfNull(options);

        // Ids continue from the start time in µs, so every id of this run is above every id an earlier run
        // handed out (a client resuming with one of those is told to start over, not given wrong messages),
        // and they stay below 2^53 for JavaScript clients.
        _replay = new FeedReplayBuffer(options.StreamReplayMessages, clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000);
        _replayEnabled = options.StreamReplayMessages > 0;
        _engine.Committed += OnCommitted;
    }

    /// <summary>Clients currently subscribed.</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Subscribes a client to messages about <paramref name="nodeId"/> and/or <paramref name="cellId"/> (null: all).</summary>
    public FeedSubscription Subscribe(string? nodeId, string? cellId, int capacity) => Subscribe(nodeId, cellId, capacity, null, out _, out _);

    /// <summary>
    /// Subscribes a client that last saw <paramref name="lastEventId"/> (null: a new client). When every
    /// message after it is still held, <paramref name="missed"/> holds them (all of them, unfiltered, oldest
    /// first) and live messages follow them without gap or repeat; otherwise it is null and
    /// <paramref name="reason"/> says why the client has to start over from a snapshot.
    /// </summary>
    public FeedSubscription Subscribe(string? nodeId, string? cellId, int capacity, long? lastEventId, out IReadOnlyList<FeedMessage>? missed, out string reason)
    {
        var subscription = new FeedSubscription(nodeId, cellId, capacity, Unsubscribe);
        missed = null;
        reason = "";
        lock (_gate)
        {
            // Under the lock that publishing holds: nothing can be published between the replay and the subscription.
            if (lastEventId is long last)
            {
                missed = _replay.After(last, out reason);
            }

            _subscribers.Add(subscription);
        }

        return subscription;
    }

    /// <summary>The current state of every node as "node" messages (what a client gets on connect), without ids.</summary>
    public IReadOnlyList<FeedMessage> Snapshot()
    {
        DateTimeOffset now = _clock.GetUtcNow();
        var messages = new List<FeedMessage>();
        foreach (NodeRecord node in _directory.Snapshot())
        {
            messages.Add(NodeMessage(0, node, _directory.IsOnline(node, now)));
        }

        return messages;
    }

    /// <summary>Stops listening to the engine.</summary>
    public void Dispose()
    {
        _engine.Committed -= OnCommitted;
        lock (_gate)
        {
            foreach (FeedSubscription subscription in _subscribers.ToArray())
            {
                subscription.Dispose();
            }
        }
    }

    private void OnCommitted(BatchCommitted batch)
    {
        // Raised by the ingest engine after a commit: whatever goes wrong here must not reach the
        // ingest path (the batch is stored; its acknowledgements still have to go out).
        try
        {
            Publish(batch);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "The live stream could not publish a batch of {Events} events and {Cases} cases; clients reconnecting get the current state.", batch.Events.Count, batch.Cases.Count);
        }
    }

    private void Publish(BatchCommitted batch)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        var changed = new List<(NodeRecord Node, bool Online)>();
        lock (_gate)
        {
            // Node keys are tracked even with nobody listening, so the first change a later client
            // sees is a real change.
            foreach (NodeRecord node in batch.Nodes)
            {
                bool online = _directory.IsOnline(node, now);
                NodeStateKey key = NodeStateKey.Of(node, online);
                if (!_announced.TryGetValue(node.NodeId, out NodeStateKey before) || before != key)
                {
                    _announced[node.NodeId] = key;
                    changed.Add((node, online));
                }
            }

            if (_subscribers.Count == 0 && !_replayEnabled)
            {
                return;
            }

            // Evidence first, then its consequence: the trip event, its case, then the node's new state. Ids run on
            // from the replay buffer's last one, which every published message is added to.
            long lastId = _replay.LastId;
            var messages = new List<FeedMessage>();
            var cellOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (NodeRecord node in batch.Nodes)
            {
                cellOf[node.NodeId] = node.CellId;
            }

            foreach (EventRecord e in batch.Events)
            {
                string cell = cellOf.TryGetValue(e.NodeId, out string? c) ? c : CellOf(e.NodeId);
                messages.Add(new FeedMessage(++lastId, StreamMessageTypes.Event, e.NodeId, cell, Serialize(EventViews.Event(e))));
            }

            foreach (CaseRecord c in batch.Cases)
            {
                messages.Add(new FeedMessage(++lastId, StreamMessageTypes.Case, c.NodeId, c.CellId, Serialize(CaseViews.Summary(c))));
            }

            foreach ((NodeRecord node, bool online) in changed)
            {
                messages.Add(NodeMessage(++lastId, node, online));
            }

            foreach (FeedMessage message in messages)
            {
                _replay.Add(message);
            }

            foreach (FeedSubscription subscription in _subscribers)
            {
                foreach (FeedMessage message in messages)
                {
                    if (subscription.Accepts(message))
                    {
                        subscription.Offer(message);
                    }
                }
            }
        }
    }

    private string CellOf(string nodeId) => _directory.TryGet(nodeId, out NodeRecord node) ? node.CellId : "";

    private static FeedMessage NodeMessage(long id, NodeRecord node, bool online) =>
        new(id, StreamMessageTypes.Node, node.NodeId, node.CellId, Serialize(NodeViews.Node(node, online, null)));

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TwinJson.Options);

    private void Unsubscribe(FeedSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }
}
