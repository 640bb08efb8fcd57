using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Jidoka.Bridge.Ingest;
using Jidoka.Bridge.Messaging;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// Moves messages from the receive queue into the ingest engine in batches: it takes whatever has
/// queued up (up to the batch limit) while the previous batch was committing, so batches grow with
/// load and latency stays one commit when idle. Publishes the engine's acks only after each commit.
/// </summary>
public sealed class IngestWorker
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private readonly IngestEngine _engine;
    private readonly IMessagePublisher _publisher;
    private readonly ChannelReader<InboundMessage> _queue;
    private readonly int _maxBatch;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    /// <summary>Creates a worker reading <paramref name="queue"/>.</summary>
    public IngestWorker(IngestEngine engine, IMessagePublisher publisher, ChannelReader<InboundMessage> queue, int maxBatch, TimeProvider clock, ILogger<IngestWorker> logger)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _maxBatch = maxBatch;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Runs until the queue is completed and drained, or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new List<InboundMessage>(_maxBatch);
        while (await _queue.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.TryRead(out InboundMessage? message))
            {
                batch.Add(message);
            }

            BatchResult result;
            try
            {
                result = await _engine.ProcessAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Nothing of the batch was acknowledged, so nodes resend its events; its frames are
                // lost and show up as gaps. Wait a moment so a failing disk is not hammered.
                _logger.LogError(ex, "A batch of {Count} messages was not stored.", batch.Count);
                await Task.Delay(RetryDelay, _clock, cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (OutboundMessage outbound in result.Outbound)
            {
                try
                {
                    await _publisher.PublishAsync(outbound, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // An ack that is not delivered makes the node resend; the resend is recognised as a duplicate and acknowledged again.
                    _logger.LogWarning(ex, "Could not publish to {Topic}.", outbound.Topic);
                }
            }
        }
    }
}
