using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Commands;

/// <summary>
/// Sends commands to nodes: reset, apply policy, set calibration. Every request is checked (operator,
/// node known and online, policy or calibration valid), then stored and audited in one transaction,
/// then published; the node's result is stored by the ingest path and can be awaited with
/// <see cref="WaitForResultAsync"/>. The twin feed's command endpoints (and through them the jidoka CLI) call it.
/// </summary>
public sealed class NodeCommandService
{
    private readonly IBridgeStore _store;
    private readonly NodeDirectory _directory;
    private readonly IMessagePublisher _publisher;
    private readonly CommandTracker _tracker;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private long _lastCommandId = -1;

    /// <summary>Creates the service.</summary>
    public NodeCommandService(IBridgeStore store, NodeDirectory directory, IMessagePublisher publisher, CommandTracker tracker, TimeProvider clock, ILogger<NodeCommandService> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _tracker = tracker ?? throw new ArgumentNullException(nameof(tracker));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Asks <paramref name="nodeId"/> to reset its latched trip on behalf of <paramref name="operatorId"/>.</summary>
    public Task<CommandRequestResult> ResetAsync(string nodeId, string operatorId, CancellationToken cancellationToken) =>
        SendAsync(nodeId, operatorId, CommandType.Reset, 0, null, null, 0, cancellationToken);

    /// <summary>
    /// Validates <paramref name="policy"/>, stores it as a policy version and pushes it to
    /// <paramref name="nodeId"/>. With <paramref name="changeover"/> the node applies it even while
    /// tripped; otherwise a tripped node stages it until reset.
    /// </summary>
    public async Task<CommandRequestResult> ApplyPolicyAsync(string nodeId, PolicyRecord policy, string operatorId, bool changeover, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        PolicyProblem problem = policy.Validate();
        if (problem != PolicyProblem.None)
        {
            return CommandRequestResult.Refused(CommandRequestError.InvalidPolicy, $"Policy {policy.PolicyId} is invalid: {problem}.", (byte)problem);
        }

        byte[] encoded = new byte[PolicyRecord.SizeBytes];
        policy.Write(encoded, 0);
        uint hash = policy.ComputeHash();
        PolicyVersionRecord? existing = await _store.GetPolicyAsync(policy.PolicyId, cancellationToken).ConfigureAwait(false);
        if (existing != null && !existing.Encoded.AsSpan().SequenceEqual(encoded))
        {
            return CommandRequestResult.Refused(
                CommandRequestError.PolicyIdConflict,
                $"Policy {policy.PolicyId} is already stored with hash {existing.PolicyHash:x8}; a changed policy needs a new id.");
        }

        PolicyVersionRecord? toStore = existing == null
            ? new PolicyVersionRecord { PolicyId = policy.PolicyId, PolicyHash = hash, Encoded = encoded, CreatedBy = operatorId, CreatedUnixUs = NowUs() }
            : null;
        return await SendAsync(nodeId, operatorId, CommandType.ApplyPolicy, changeover ? CommandFlags.Changeover : (byte)0, policy, toStore, policy.PolicyId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Validates <paramref name="calibration"/>, stores it and pushes it to <paramref name="nodeId"/>.</summary>
    public async Task<CommandRequestResult> SetCalibrationAsync(string nodeId, CalibrationRecord calibration, string operatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        CalibrationProblem problem = calibration.Validate();
        if (problem != CalibrationProblem.None)
        {
            return CommandRequestResult.Refused(CommandRequestError.InvalidCalibration, $"Calibration {calibration.CalibrationId}.{calibration.Version} is invalid: {problem}.", (byte)problem);
        }

        byte[] encoded = new byte[CalibrationRecord.SizeBytes];
        calibration.Write(encoded, 0);
        CalibrationVersionRecord? existing = await _store.GetCalibrationAsync(calibration.Channel, calibration.CalibrationId, calibration.Version, cancellationToken).ConfigureAwait(false);
        if (existing != null && !existing.Encoded.AsSpan().SequenceEqual(encoded))
        {
            return CommandRequestResult.Refused(
                CommandRequestError.CalibrationConflict,
                $"Calibration {calibration.CalibrationId}.{calibration.Version} of {InputChannelNames.Name(calibration.Channel)} is already stored with other values; a change needs a new version.");
        }

        CalibrationVersionRecord? toStore = existing == null
            ? new CalibrationVersionRecord
            {
                Channel = calibration.Channel,
                CalibrationId = calibration.CalibrationId,
                Version = calibration.Version,
                Encoded = encoded,
                NodeId = nodeId,
                CreatedBy = operatorId,
                CreatedUnixUs = NowUs(),
            }
            : null;
        uint argument = ((uint)calibration.CalibrationId << 16) | calibration.Version;
        return await SendAsync(nodeId, operatorId, CommandType.SetCalibration, 0, calibration, toStore, argument, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The node's stored answer to <paramref name="commandId"/>, or null when none came within <paramref name="timeout"/>.</summary>
    public async Task<CommandResultUpdate?> WaitForResultAsync(uint commandId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        CommandResultUpdate? result = await _tracker.WaitAsync(commandId, timeout, _clock, cancellationToken).ConfigureAwait(false);
        if (result != null)
        {
            return result;
        }

        // The answer may have been stored before anyone waited (or by an earlier bridge run).
        CommandRecord? stored = await _store.GetCommandAsync(commandId, cancellationToken).ConfigureAwait(false);
        return stored == null || stored.Outcome == CommandOutcome.None
            ? null
            : new CommandResultUpdate
            {
                CommandId = stored.CommandId,
                NodeId = stored.NodeId,
                Outcome = stored.Outcome,
                Reason = stored.Reason,
                Detail = stored.Detail,
                EventId = stored.ResultEventId,
                ReceivedUnixUs = stored.ResultUnixUs,
            };
    }

    private async Task<CommandRequestResult> SendAsync(
        string nodeId, string operatorId, CommandType type, byte flags, object? body, object? toStore, uint argument, CancellationToken cancellationToken)
    {
        CommandRequestResult? refusal = Check(nodeId, operatorId, out string cellId);
        if (refusal != null)
        {
            return refusal;
        }

        uint commandId = await NextCommandIdAsync(cancellationToken).ConfigureAwait(false);
        long nowUs = NowUs();
        var command = new CommandMessage
        {
            CommandType = type,
            Flags = flags,
            NodeId = nodeId,
            CommandId = commandId,
            IssuedUnixMs = nowUs / 1000,
            OperatorId = operatorId,
        };
        if (body is PolicyRecord policy)
        {
            command.Policy.CopyFrom(policy);
        }
        else if (body is CalibrationRecord calibration)
        {
            command.Calibration.CopyFrom(calibration);
        }

        byte[] buffer = new byte[ProtocolLimits.MaxMessageBytes];
        EncodeResult encodeResult = command.TryEncode(buffer, 0);
        if (!encodeResult.IsWritten)
        {
            // Inputs were validated above, so this is a bug, not a user error.
            throw new InvalidOperationException($"Command {commandId} could not be encoded: {encodeResult.Status} ({encodeResult.Field}).");
        }

        byte[] encoded = buffer.AsSpan(0, encodeResult.BytesWritten).ToArray();
        var batch = new WriteBatch();
        if (toStore is PolicyVersionRecord policyVersion)
        {
            batch.Policies.Add(policyVersion);
            batch.Audit.Add(Entry(nowUs, AuditKinds.PolicyStored, "", operatorId, "policy/" + policyVersion.PolicyId, $"policyHash={policyVersion.PolicyHash:x8};sha256={AuditHasher.Digest(policyVersion.Encoded)}"));
        }
        else if (toStore is CalibrationVersionRecord calibrationVersion)
        {
            batch.Calibrations.Add(calibrationVersion);
            batch.Audit.Add(Entry(
                nowUs,
                AuditKinds.CalibrationStored,
                nodeId,
                operatorId,
                $"calibration/{InputChannelNames.Name(calibrationVersion.Channel)}/{calibrationVersion.CalibrationId}.{calibrationVersion.Version}",
                $"sha256={AuditHasher.Digest(calibrationVersion.Encoded)}"));
        }

        batch.Commands.Add(new CommandRecord
        {
            CommandId = commandId,
            NodeId = nodeId,
            Type = type,
            OperatorId = operatorId,
            IssuedUnixUs = nowUs,
            Argument = argument,
            Encoded = encoded,
        });
        batch.Audit.Add(Entry(nowUs, AuditKinds.Command, nodeId, operatorId, "command/" + commandId, $"type={CommandTypeNames.Name(type)};flags={flags};argument={argument};sha256={AuditHasher.Digest(encoded)}"));
        await _store.WriteAsync(batch, cancellationToken).ConfigureAwait(false);

        _tracker.Expect(commandId);
        try
        {
            await _publisher.PublishAsync(new OutboundMessage(Topics.ForNode(cellId, nodeId, TopicKind.Command), encoded, Topics.Qos(TopicKind.Command), false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _tracker.Forget(commandId);
            _logger.LogWarning(ex, "Command {CommandId} to {Node} was stored but could not be published.", commandId, nodeId);
            var undelivered = new WriteBatch();
            undelivered.Audit.Add(Entry(NowUs(), AuditKinds.CommandUndelivered, nodeId, "bridge", "command/" + commandId, "error=" + ex.GetType().Name));
            await _store.WriteAsync(undelivered, CancellationToken.None).ConfigureAwait(false);
            return CommandRequestResult.Refused(CommandRequestError.NotConnected, $"Command {commandId} could not be published: {ex.Message}");
        }

        _logger.LogInformation("Sent {Type} command {CommandId} to {Node} for {Operator}.", CommandTypeNames.Name(type), commandId, nodeId, operatorId);
        return CommandRequestResult.Sent(commandId, $"Sent {CommandTypeNames.Name(type)} command {commandId} to {nodeId}.");
    }

    private CommandRequestResult? Check(string nodeId, string operatorId, out string cellId)
    {
        cellId = "";
        if (string.IsNullOrEmpty(operatorId))
        {
            return CommandRequestResult.Refused(CommandRequestError.MissingOperator, "An operator id is required for this command.");
        }

        if (!Identifiers.IsValidPersonId(operatorId))
        {
            return CommandRequestResult.Refused(CommandRequestError.InvalidOperator, $"Operator id '{operatorId}' is not valid (1-32 of letters, digits, '-', '_', '.', '@').");
        }

        if (string.IsNullOrEmpty(nodeId) || !_directory.TryGet(nodeId, out NodeRecord node))
        {
            return CommandRequestResult.Refused(CommandRequestError.UnknownNode, $"Node '{nodeId}' is unknown to this bridge.");
        }

        // Checked before the node's own state: without the broker the bridge hears no status, so "offline"
        // would blame the node for the bridge's outage.
        if (!_publisher.IsConnected)
        {
            return CommandRequestResult.Refused(CommandRequestError.NotConnected, "The bridge is not connected to its MQTT broker; node states are as last heard. Try again once it has reconnected.");
        }

        if (!_directory.IsOnline(node, _clock.GetUtcNow()))
        {
            return CommandRequestResult.Refused(CommandRequestError.NodeOffline, $"Node '{nodeId}' is offline.");
        }

        cellId = node.CellId;
        return null;
    }

    private async Task<uint> NextCommandIdAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _lastCommandId) < 0)
        {
            long stored = await _store.GetMaxCommandIdAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.CompareExchange(ref _lastCommandId, stored, -1);
        }

        return (uint)Interlocked.Increment(ref _lastCommandId);
    }

    private long NowUs() => UnixTime.ToUnixUs(_clock.GetUtcNow());

    private static AuditEntry Entry(long nowUs, string kind, string nodeId, string actor, string subject, string details) => new()
    {
        RecordedUnixUs = nowUs,
        Kind = kind,
        NodeId = nodeId,
        Actor = actor,
        Subject = subject,
        Details = details,
    };
}
