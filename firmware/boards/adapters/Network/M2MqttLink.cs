using System;
using System.Threading;
using Jidoka.Boards.Logic.Network;
using Jidoka.Node;
using Jidoka.Node.Comms;
using Jidoka.Node.Hardware;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace Jidoka.Boards.Adapters.Network
{
    /// <summary>
    /// The core's MQTT link over nanoFramework.M2Mqtt (MQTT 3.1.1, plain TCP on the cell network). Each
    /// connection attempt uses a fresh client carrying the core's last will (offline status, QoS 1,
    /// retained) and a persistent session (clean session off), so the broker keeps the node's
    /// subscriptions and queues QoS 1 commands and acks while it is away. This class owns no output and
    /// is never given one: connecting, losing and regaining the broker cannot move the stop output.
    /// </summary>
    public sealed class M2MqttLink : IMqttLink
    {
        /// <summary>Keep-alive, s: the broker publishes the last will about 1.5 keep-alives after the node falls silent.</summary>
        public const ushort KeepAliveSeconds = 10;

        /// <summary>Messages M2Mqtt may hold in flight; beyond it Publish fails and the core retries (bounds the client's memory).</summary>
        public const int InflightQueueSize = 32;

        private readonly object _sync = new object();
        private readonly object _publishSync = new object();
        private readonly PublishBufferRing _qos0Buffers = new PublishBufferRing(InflightQueueSize);
        private readonly string _brokerHost;
        private readonly int _brokerPort;
        private readonly string _clientId;
        private readonly AutoResetEvent _closed = new AutoResetEvent(false);
        private MqttClient? _client;
        private string _willTopic = "";
        private string _willText = "";
        private MessageInbox? _inbox;
        private int _sessions;

        /// <summary>A link to <paramref name="brokerHost"/>:<paramref name="brokerPort"/> as client <paramref name="clientId"/> (the node id).</summary>
        public M2MqttLink(string brokerHost, int brokerPort, string clientId)
        {
            _brokerHost = brokerHost;
            _brokerPort = brokerPort;
            _clientId = clientId;
        }

        /// <summary>Signalled when the broker connection closes; the connector waits on it.</summary>
        public WaitHandle Closed => _closed;

        /// <summary>Refusals (CONNACK codes other than success) and failed attempts, since boot.</summary>
        public uint FailedAttempts { get; private set; }

        /// <summary>The CONNACK code of the last refused attempt (0 none).</summary>
        public int LastRefusalCode { get; private set; }

        /// <inheritdoc/>
        public bool IsConnected
        {
            get
            {
                lock (_sync)
                {
                    return _client != null && _client.IsConnected;
                }
            }
        }

        /// <inheritdoc/>
        public uint SessionCount => (uint)_sessions;

        /// <summary>Sets the last will every connection carries (from <see cref="NodeCore.LastWillTopic"/> and <see cref="LastWill.PayloadText"/>).</summary>
        public void SetLastWill(string topic, string payloadText)
        {
            _willTopic = topic;
            _willText = payloadText;
        }

        /// <summary>Where received messages go (<see cref="NodeCore.Inbox"/>).</summary>
        public void DeliverTo(MessageInbox inbox) => _inbox = inbox;

        /// <summary>One connection attempt with a fresh client; closes the previous one first. Never throws.</summary>
        public bool TryConnect()
        {
            CloseCurrent();
            MqttClient? client = null;
            try
            {
                client = new MqttClient(_brokerHost, _brokerPort, false, null, null, MqttSslProtocols.None);
                client.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
                client.Settings.InflightQueueSize = InflightQueueSize;
                client.MqttMsgPublishReceived += OnPublishReceived;
                client.ConnectionClosed += OnConnectionClosed;
                MqttReasonCode code = client.Connect(
                    _clientId, null!, null!, LastWill.Retain, (MqttQoSLevel)LastWill.Qos, true, _willTopic, _willText, false, KeepAliveSeconds);
                if (code != MqttReasonCode.Success)
                {
                    LastRefusalCode = (int)code;
                    FailedAttempts++;
                    client.Close();
                    return false;
                }

                lock (_sync)
                {
                    _client = client;
                }

                Interlocked.Increment(ref _sessions);
                return true;
            }
            catch (Exception)
            {
                FailedAttempts++;
                if (client != null)
                {
                    try
                    {
                        client.Close();
                    }
                    catch (Exception)
                    {
                        // Best effort: the socket may already be gone.
                    }
                }

                return false;
            }
        }

        /// <inheritdoc/>
        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
        {
            MqttClient? client = Current();
            if (client == null || !client.IsConnected)
            {
                return false;
            }

            // M2Mqtt queues the array and copies it into the wire buffer later, from its own thread, so it
            // must not be the core's buffer, which is reused as soon as this returns. QoS 0 (frames) gets a
            // slot of the preallocated ring; QoS 1 is resent until acknowledged, for as long as that takes,
            // so it gets an array of its own (events, acks and status are rare next to frames).
            lock (_publishSync)
            {
                byte[] message = qos == 0 ? _qos0Buffers.Fill(payload, length) : OwnCopy(payload, length);
                try
                {
                    client.Publish(topic, message, null!, null!, (MqttQoSLevel)qos, retain);
                }
                catch (Exception)
                {
                    return false;
                }

                if (qos == 0)
                {
                    _qos0Buffers.Accepted();
                }

                return true;
            }
        }

        private static byte[] OwnCopy(byte[] payload, int length)
        {
            byte[] message = new byte[length];
            Array.Copy(payload, message, length);
            return message;
        }

        /// <inheritdoc/>
        public bool Subscribe(string topicFilter, int qos)
        {
            MqttClient? client = Current();
            if (client == null || !client.IsConnected)
            {
                return false;
            }

            // Under the publish lock: a SUBSCRIBE also enters M2Mqtt's inflight queue, and the ring's
            // reuse rule counts on one enqueuer from this side at a time.
            lock (_publishSync)
            {
                try
                {
                    client.Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { (MqttQoSLevel)qos });
                    return true;
                }
                catch (Exception)
                {
                    return false;
                }
            }
        }

        private MqttClient? Current()
        {
            lock (_sync)
            {
                return _client;
            }
        }

        private void CloseCurrent()
        {
            MqttClient? old;
            lock (_sync)
            {
                old = _client;
                _client = null;
            }

            if (old != null)
            {
                try
                {
                    old.Close();
                }
                catch (Exception)
                {
                    // The connection is being replaced; a failure to close it changes nothing.
                }
            }
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            byte[] message = e.Message;
            MessageInbox? inbox = _inbox;
            if (inbox != null && message != null)
            {
                inbox.TryPost(e.Topic, message, 0, message.Length);
            }
        }

        private void OnConnectionClosed(object sender, EventArgs e) => _closed.Set();
    }
}
