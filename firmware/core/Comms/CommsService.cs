using System;
using Jidoka.Node.Engine;
using Jidoka.Node.Hardware;
using Jidoka.Node.Store;
using Jidoka.Protocol;

namespace Jidoka.Node.Comms
{
    /// <summary>
    /// The communication side: one <see cref="Service"/> call watches the link, handles received
    /// messages (commands, acks, time-sync answers, the bridge's state), writes changed state to the
    /// store, and publishes events, frames, command results, status and time-sync requests, each within
    /// a bound per call. It runs on its own thread (or, in a simulation, between steps); it takes the
    /// node's lock only to copy state, never while encoding, writing flash or publishing, so the loop
    /// never waits on the network. Losing the network changes no output: the loop does not look at it.
    /// </summary>
    public sealed class CommsService
    {
        private readonly NodeContext _c;
        private readonly CommandProcessor _commands;
        private readonly NodePersistence _persistence;
        private readonly IMqttLink _link;
        private readonly IMonotonicClock _clock;
        private readonly string _frameTopic;
        private readonly string _eventTopic;
        private readonly string _statusTopic;
        private readonly string _commandTopic;
        private readonly string _commandResultTopic;
        private readonly string _ackTopic;
        private readonly string _timeRequestTopic;
        private readonly string _timeResponseTopic;
        private readonly string _hostStateFilter;
        private readonly byte[] _received = new byte[MessageInbox.EntryBytesMax];
        private readonly byte[] _out = new byte[ProtocolLimits.MaxMessageBytes];
        private readonly CommandMessage _command = new CommandMessage();
        private readonly CommandResultMessage _result = new CommandResultMessage();
        private readonly EventAckMessage _ack = new EventAckMessage();
        private readonly TimeSyncRequestMessage _timeRequest = new TimeSyncRequestMessage();
        private readonly TimeSyncResponseMessage _timeResponse = new TimeSyncResponseMessage();
        private readonly HostStateMessage _hostState = new HostStateMessage();
        private readonly EventMessage _event = new EventMessage();
        private readonly FrameMessage _frame = new FrameMessage();
        private readonly StatusMessage _status = new StatusMessage();
        private readonly StatusReporter _reporter;
        private bool _wasConnected;
        private uint _lastSessionCount;
        private bool _everConnected;
        private bool _wasLive;
        private bool _hostOnline;
        private string _hostId = "";
        private long _hostSession;
        private uint _firstLiveFrameSequence;
        private uint _requestId;
        private bool _requestPending;
        private ulong _requestT1;
        private ulong _nextTimeSyncUs;
        private bool _subscribed;

        /// <summary>Creates the service.</summary>
        public CommsService(NodeContext context, CommandProcessor commands, NodePersistence persistence)
        {
            _c = context;
            _commands = commands;
            _persistence = persistence;
            _link = context.Hardware.Link;
            _clock = context.Hardware.Clock;
            string cell = context.Config.CellId;
            string node = context.Config.NodeId;
            _frameTopic = Topics.ForNode(cell, node, TopicKind.Frame);
            _eventTopic = Topics.ForNode(cell, node, TopicKind.Event);
            _statusTopic = Topics.ForNode(cell, node, TopicKind.Status);
            _commandTopic = Topics.ForNode(cell, node, TopicKind.Command);
            _commandResultTopic = Topics.ForNode(cell, node, TopicKind.CommandResult);
            _ackTopic = Topics.ForNode(cell, node, TopicKind.Ack);
            _timeRequestTopic = Topics.ForNode(cell, node, TopicKind.TimeRequest);
            _timeResponseTopic = Topics.ForNode(cell, node, TopicKind.TimeResponse);
            _hostStateFilter = Topics.Root + "/" + Topics.HostLevel + "/+/" + Topics.Suffix(TopicKind.HostState);
            _reporter = new StatusReporter(context);
            Inbox = new MessageInbox(context.Config.InboxCapacity, context.Hardware.Clock);
        }

        /// <summary>Where the board's MQTT receive handler posts incoming messages.</summary>
        public MessageInbox Inbox { get; }

        /// <summary>Times the link came back after having been up, since boot.</summary>
        public uint Reconnects { get; private set; }

        /// <summary>True while the node sees a bridge online (retained host state).</summary>
        public bool HostOnline => _hostOnline;

        /// <summary>Received messages that failed to decode or named another node, since boot.</summary>
        public uint RejectedMessages { get; private set; }

        /// <summary>Publishes the link refused, since boot.</summary>
        public uint PublishFailures { get; private set; }

        /// <summary>Exceptions caught in <see cref="Service"/>, since boot (the service carries on).</summary>
        public uint ServiceFaults { get; private set; }

        /// <summary>Events handed to the broker, since boot (first sends and resends).</summary>
        public uint EventsPublished { get; private set; }

        /// <summary>Frames handed to the broker, since boot.</summary>
        public uint FramesPublished { get; private set; }

        /// <summary>Runs one bounded round of communication work. Never throws.</summary>
        public void Service()
        {
            try
            {
                ServiceOnce();
            }
            catch (Exception)
            {
                ServiceFaults++;
                _subscribed = false;
            }
        }

        private void ServiceOnce()
        {
            ulong nowUs = _clock.NowUs;
            bool connected = _link.IsConnected;
            uint sessions = _link.SessionCount;
            bool newSession = connected && (!_wasConnected || sessions != _lastSessionCount);
            _lastSessionCount = sessions;
            if (newSession)
            {
                if (_everConnected)
                {
                    Reconnects++;
                }

                _everConnected = true;
                _subscribed = false;
                _requestPending = false;
                _nextTimeSyncUs = nowUs;

                // A fresh session: the broker will deliver the retained host state again.
                _hostOnline = false;
            }

            _wasConnected = connected;
            if (connected && !_subscribed)
            {
                _subscribed = _link.Subscribe(_commandTopic, 1) && _link.Subscribe(_ackTopic, 1)
                    && _link.Subscribe(_timeResponseTopic, 0) && _link.Subscribe(_hostStateFilter, 1);
                if (_subscribed)
                {
                    lock (_c.Sync)
                    {
                        _c.StatusRequested = true;
                    }
                }
            }

            DrainInbox(connected);
            _persistence.Flush();
            bool live = connected && (_hostOnline || !_c.Config.RequireHostOnline);
            UpdateLive(live);
            if (!connected)
            {
                return;
            }

            if (live)
            {
                PublishEvents(nowUs);
                PublishFrames();
            }

            PublishStatusIfDue(nowUs);
            RequestTimeIfDue(nowUs);
        }

        private void UpdateLive(bool live)
        {
            if (live == _wasLive)
            {
                return;
            }

            _wasLive = live;
            lock (_c.Sync)
            {
                if (live)
                {
                    // Whatever was sent and not acked before may have been lost with the old session.
                    _c.Journal.MarkAllForReplay();
                    _firstLiveFrameSequence = _c.Frames.NextSequence;
                }
                else
                {
                    _c.Journal.MarkHeldOverOutage();
                }
            }
        }

        private void DrainInbox(bool connected)
        {
            for (int i = 0; i < _c.Config.InboxCapacity; i++)
            {
                if (!Inbox.TryTake(_received, out string topic, out int length, out ulong receivedUs))
                {
                    return;
                }

                if (topic == _commandTopic)
                {
                    HandleCommand(length, connected);
                }
                else if (topic == _ackTopic)
                {
                    HandleAck(length);
                }
                else if (topic == _timeResponseTopic)
                {
                    HandleTimeResponse(length, receivedUs);
                }
                else if (Topics.TryParse(topic, out string _, out string _, out TopicKind kind) && kind == TopicKind.HostState)
                {
                    HandleHostState(length);
                }
                else
                {
                    RejectedMessages++;
                }
            }
        }

        private void HandleCommand(int length, bool connected)
        {
            if (!_command.TryDecode(_received, 0, length).IsAccepted)
            {
                // Without a decodable command id there is nothing to answer; the bridge times out and says so.
                RejectedMessages++;
                return;
            }

            lock (_c.Sync)
            {
                _commands.Execute(_command, _clock.NowUs, _result);
            }

            // The outcome is journaled before it is announced.
            _persistence.Flush();
            if (connected)
            {
                EncodeResult encoded = _result.TryEncode(_out, 0);
                if (encoded.IsWritten && !_link.Publish(_commandResultTopic, _out, encoded.BytesWritten, Topics.Qos(TopicKind.CommandResult), false))
                {
                    PublishFailures++;
                }
            }
        }

        private void HandleAck(int length)
        {
            if (!_ack.TryDecode(_received, 0, length).IsAccepted || _ack.NodeId != _c.Config.NodeId)
            {
                RejectedMessages++;
                return;
            }

            lock (_c.Sync)
            {
                for (int i = 0; i < _ack.Count; i++)
                {
                    ulong id = _ack.EventIds[i];
                    if (_c.Journal.Acknowledge(id) && _c.Latch.IsTripped && id == _c.Latch.TripEventId)
                    {
                        // The bridge holds the trip's record now; the latch record can drop its copy.
                        _c.Persist.Touch(PersistItems.Latch);
                    }
                }

                _c.Recorder.ReportPendingOverflow(_clock.NowUs);
            }
        }

        private void HandleTimeResponse(int length, ulong t4)
        {
            if (!_timeResponse.TryDecode(_received, 0, length).IsAccepted || _timeResponse.NodeId != _c.Config.NodeId)
            {
                RejectedMessages++;
                return;
            }

            if (!_requestPending || _timeResponse.RequestId != _requestId || _timeResponse.T1NodeMonoUs != _requestT1)
            {
                // A late answer to an older request: its t1 is not the one this exchange measured from.
                RejectedMessages++;
                return;
            }

            _requestPending = false;
            lock (_c.Sync)
            {
                bool stepped = _c.Time.ApplyExchange(_requestT1, _timeResponse.T2ReceiveUnixUs, _timeResponse.T3TransmitUnixUs, t4);
                if (stepped)
                {
                    _c.ProvenanceEpoch++;
                    DecisionRecord r = _c.Recorder.Begin(EventType.ClockStep, t4);
                    r.ObservedValue = _c.Time.LastStepUs;
                    r.LimitValue = _c.Time.StepThresholdUs;
                    r.DetectMonoUs = t4;
                    _c.Recorder.Commit();
                }
            }
        }

        private void HandleHostState(int length)
        {
            if (!_hostState.TryDecode(_received, 0, length).IsAccepted)
            {
                RejectedMessages++;
                return;
            }

            bool newSession = _hostState.Online && (_hostState.HostId != _hostId || _hostState.SessionStartUnixMs != _hostSession);
            if (_hostState.Online)
            {
                _hostId = _hostState.HostId;
                _hostSession = _hostState.SessionStartUnixMs;
            }

            if (newSession && _hostOnline)
            {
                // The bridge restarted without being seen offline: resend what it may not have stored.
                lock (_c.Sync)
                {
                    _c.Journal.MarkAllForReplay();
                }
            }

            if (!_hostState.Online && _hostState.HostId != _hostId)
            {
                // The last will of a bridge that is not the one we follow.
                return;
            }

            _hostOnline = _hostState.Online;
        }

        private void PublishEvents(ulong nowUs)
        {
            for (int i = 0; i < _c.Config.MaxEventsPerService; i++)
            {
                int slot;
                ulong id;
                bool replay;
                lock (_c.Sync)
                {
                    slot = _c.Journal.NextToPublish(nowUs, _c.Config.AckTimeoutUs, _persistence.PersistedReservedUpTo);
                    if (slot < 0)
                    {
                        return;
                    }

                    _event.CopyFrom(_c.Journal.At(slot));
                    id = _event.EventId;
                    replay = _c.Journal.IsReplay(slot);
                }

                _event.Flags = replay ? EventMessage.Replayed : (byte)0;
                EncodeResult encoded = EventCodec.TryEncode(_event, _out, 0);
                if (!encoded.IsWritten || !_link.Publish(_eventTopic, _out, encoded.BytesWritten, Topics.Qos(TopicKind.Event), false))
                {
                    PublishFailures++;
                    return;
                }

                EventsPublished++;
                lock (_c.Sync)
                {
                    _c.Journal.MarkPublished(slot, id, nowUs);
                }
            }
        }

        private void PublishFrames()
        {
            for (int i = 0; i < _c.Config.MaxFramesPerService; i++)
            {
                lock (_c.Sync)
                {
                    if (!_c.Frames.TryTakeOldest(_frame))
                    {
                        return;
                    }
                }

                if ((int)(_frame.FrameSequence - _firstLiveFrameSequence) < 0)
                {
                    _frame.Flags |= FrameFlags.Replayed;
                }

                EncodeResult encoded = FrameCodec.TryEncode(_frame, _out, 0);
                if (!encoded.IsWritten || !_link.Publish(_frameTopic, _out, encoded.BytesWritten, Topics.Qos(TopicKind.Frame), false))
                {
                    PublishFailures++;
                    lock (_c.Sync)
                    {
                        _c.Frames.CountLost();
                    }

                    return;
                }

                FramesPublished++;
            }
        }

        private void PublishStatusIfDue(ulong nowUs)
        {
            uint freeBytes = 0;
            bool hasFree = false;
            lock (_c.Sync)
            {
                if (!_reporter.IsDue(nowUs, _hostOnline, false))
                {
                    return;
                }
            }

            if (_c.Hardware.Memory != null)
            {
                hasFree = _c.Hardware.Memory.TryReadFreeBytes(out freeBytes);
            }

            lock (_c.Sync)
            {
                _reporter.Fill(_status, nowUs, _hostOnline, Reconnects, freeBytes, hasFree);
            }

            EncodeResult encoded = _status.TryEncode(_out, 0);
            if (!encoded.IsWritten || !_link.Publish(_statusTopic, _out, encoded.BytesWritten, Topics.Qos(TopicKind.Status), true))
            {
                PublishFailures++;
                return;
            }

            lock (_c.Sync)
            {
                _reporter.MarkPublished(nowUs, _hostOnline);
            }
        }

        private void RequestTimeIfDue(ulong nowUs)
        {
            if (nowUs < _nextTimeSyncUs)
            {
                return;
            }

            lock (_c.Sync)
            {
                _timeRequest.TimeQuality = _c.Time.QualityAt(nowUs);
                _timeRequest.CurrentOffsetUs = _c.Time.OffsetUs;
                _timeRequest.CurrentUncertaintyUs = _c.Time.UncertaintyAt(nowUs);
                _nextTimeSyncUs = nowUs + (_timeRequest.TimeQuality == TimeQuality.Unsynced ? _c.Config.TimeSyncUnsyncedPeriodUs : _c.Config.TimeSyncPeriodUs);
            }

            _requestId++;
            _timeRequest.NodeId = _c.Config.NodeId;
            _timeRequest.RequestId = _requestId;
            _timeRequest.T1NodeMonoUs = _clock.NowUs;
            EncodeResult encoded = _timeRequest.TryEncode(_out, 0);
            if (!encoded.IsWritten)
            {
                return;
            }

            // t1 is taken as late as possible, right before the hand-off to the client.
            _requestT1 = _timeRequest.T1NodeMonoUs;
            _requestPending = _link.Publish(_timeRequestTopic, _out, encoded.BytesWritten, Topics.Qos(TopicKind.TimeRequest), false);
            if (!_requestPending)
            {
                PublishFailures++;
            }
        }
    }
}
