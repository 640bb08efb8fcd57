using System;
using System.Collections.Generic;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Network;

/// <summary>One connection of a client to the simulated broker; in-flight messages die with it.</summary>
public sealed class SimConnection
{
    internal SimConnection(long number) => Number = number;

    /// <summary>Connection number of this client (1 for the first connect).</summary>
    public long Number { get; }

    /// <summary>False once the TCP connection is gone (its in-flight messages are dropped).</summary>
    public bool Alive { get; internal set; } = true;
}

/// <summary>
/// An MQTT client of a <see cref="SimNetwork"/>, clean session: it connects (one round trip), reconnects
/// with jittered exponential back-off, keeps a last will, publishes and subscribes, and hands received
/// messages to <see cref="MessageReceived"/>. Faults on its path: <see cref="Faults"/> per message,
/// <see cref="SetPartitioned"/> for an outage of its path alone. A node's <see cref="SimMqttLink"/>
/// and the bridge's endpoint in a virtual run are both one of these.
/// </summary>
public sealed class SimClient
{
    private readonly SimNetwork _network;
    private readonly Func<ulong> _clock;
    private readonly SimRandom _random;
    private readonly ReconnectBackoff _backoff;
    private readonly List<(string Filter, int Qos)> _subscriptions = new();
    private SimConnection? _connection;
    private SimConnection? _brokerSession;
    private long _connectionCount;
    private bool _running;
    private bool _partitioned;
    private bool _connectPending;
    private ulong _lastUplinkUs;
    private ulong _lastDownlinkUs;

    internal SimClient(SimNetwork network, string clientId, SimWill? will, Func<ulong> clock, LinkFaults faults, SimRandom random)
    {
        _network = network;
        ClientId = clientId;
        Will = will;
        _clock = clock;
        Faults = faults;
        _random = random;
        _backoff = new ReconnectBackoff(network.Options.ReconnectBaseUs, network.Options.ReconnectCapUs, random.Fork("backoff"));
    }

    /// <summary>MQTT client id.</summary>
    public string ClientId { get; }

    /// <summary>The last will given at every connect.</summary>
    public SimWill? Will { get; set; }

    /// <summary>Faults on this client's path (both directions); may be changed at any time.</summary>
    public LinkFaults Faults { get; set; }

    /// <summary>True while the client believes it holds a session (what <c>IsConnected</c> reports).</summary>
    public bool IsConnected => _connection != null;

    /// <summary>True while this client's path is cut.</summary>
    public bool IsPartitioned => _partitioned;

    /// <summary>Connections made, since creation.</summary>
    public long ConnectCount => _connectionCount;

    /// <summary>Raised for every message delivered to this client.</summary>
    public event Action<SimMessage>? MessageReceived;

    /// <summary>Raised when a connection is established.</summary>
    public event Action? Connected;

    /// <summary>Starts connecting (power-on); reconnects on its own from then on.</summary>
    public void Start()
    {
        if (_running)
        {
            return;
        }

        _running = true;
        ScheduleConnect(0);
    }

    /// <summary>
    /// The client vanishes without a DISCONNECT (power loss, killed process): it stops at once; the broker
    /// notices after 1.5× keep-alive and publishes the will.
    /// </summary>
    public void Kill()
    {
        _running = false;
        SimConnection? c = _connection;
        _connection = null;
        if (c != null && c.Alive)
        {
            c.Alive = false;
            ScheduleBrokerDetect(c);
        }
    }

    /// <summary>A clean DISCONNECT: the broker drops the session without publishing the will; no reconnect.</summary>
    public void Disconnect()
    {
        _running = false;
        SimConnection? c = _connection;
        _connection = null;
        if (c != null)
        {
            c.Alive = false;
            if (_brokerSession == c)
            {
                _brokerSession = null;
                _subscriptions.Clear();
            }
        }
    }

    /// <summary>
    /// Cuts (true) or restores (false) this client's path. A cut kills the connection: the client notices
    /// after the keep-alive, the broker after 1.5× and publishes the will; reconnects wait for the path.
    /// </summary>
    public void SetPartitioned(bool partitioned)
    {
        if (_partitioned == partitioned)
        {
            return;
        }

        _partitioned = partitioned;
        if (!partitioned)
        {
            return;
        }

        SimConnection? c = _connection;
        if (c != null && c.Alive)
        {
            c.Alive = false;
            ScheduleBrokerDetect(c);
            _network.At(_network.Now + _network.Options.KeepAliveUs, () => ClientDetect(c));
        }
    }

    /// <summary>Publishes a copy of <paramref name="length"/> bytes of <paramref name="payload"/>; false when not connected.</summary>
    public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(payload);
        SimConnection? c = _connection;
        if (c == null)
        {
            return false;
        }

        byte[] copy = new byte[length];
        Array.Copy(payload, copy, length);
        _network.Counters.Published++;
        ulong sent = Math.Max(_clock(), _network.Now);
        Hop(sent, ref _lastUplinkUs, qos, copy, (bytes, corrupted, duplicate) =>
            _network.Arrive(this, c, topic, bytes, qos, retain, sent, corrupted, duplicate));
        return true;
    }

    /// <summary>Subscribes; the broker registers it one uplink latency later and then sends matching retained messages. False when not connected.</summary>
    public bool Subscribe(string filter, int qos)
    {
        ArgumentNullException.ThrowIfNull(filter);
        SimConnection? c = _connection;
        if (c == null)
        {
            return false;
        }

        ulong at = Math.Max(_clock(), _network.Now) + Latency();
        _network.At(at, () =>
        {
            if (!c.Alive || !_network.BrokerUp || _brokerSession != c)
            {
                return;
            }

            _subscriptions.Add((filter, qos));
            _network.DeliverRetained(this, c, filter, qos);
        });
        return true;
    }

    internal bool TryMatch(string topic, out int qos, out SimConnection? connection)
    {
        qos = -1;
        connection = _brokerSession;
        if (connection == null || !connection.Alive)
        {
            return false;
        }

        foreach ((string filter, int q) in _subscriptions)
        {
            if (q > qos && TopicFilter.Matches(filter, topic))
            {
                qos = q;
            }
        }

        return qos >= 0;
    }

    internal void Downlink(SimConnection connection, string topic, byte[] payload, int qos, bool retain, string from, ulong publishedUs, bool corruptedBefore, bool duplicateBefore)
    {
        Hop(_network.Now, ref _lastDownlinkUs, qos, payload, (bytes, corrupted, duplicate) =>
        {
            if (!connection.Alive || _connection != connection)
            {
                _network.Counters.DroppedInFlight++;
                return;
            }

            var message = new SimMessage(topic, (byte[])bytes.Clone(), qos, retain, from, publishedUs, _network.Now, duplicate || duplicateBefore, corrupted || corruptedBefore);
            _network.OnDelivered(this, message);
            MessageReceived?.Invoke(message);
        });
    }

    internal void OnBrokerStopped()
    {
        _brokerSession = null;
        _subscriptions.Clear();
        SimConnection? c = _connection;
        if (c != null && c.Alive)
        {
            c.Alive = false;
            _network.At(_network.Now + _network.Options.BrokerDeathDetectUs, () => ClientDetect(c));
        }
    }

    private void Hop(ulong fromUs, ref ulong lastUs, int qos, byte[] payload, Action<byte[], bool, bool> arrive)
    {
        LinkFaults f = Faults;
        if (_random.Chance(qos == 0 ? f.LossQos0 : f.LossQos1))
        {
            _network.Counters.Lost++;
            return;
        }

        byte[] bytes = payload;
        bool corrupted = false;
        if (payload.Length > 0 && _random.Chance(f.Corrupt))
        {
            bytes = (byte[])payload.Clone();
            long bit = _random.NextLong(bytes.Length * 8L);
            bytes[bit / 8] ^= (byte)(1 << (int)(bit % 8));
            corrupted = true;
        }

        ulong at = fromUs + Latency();
        if (!f.Reorder)
        {
            // One TCP connection delivers in order.
            at = Math.Max(at, lastUs);
            lastUs = at;
        }

        byte[] delivered = bytes;
        bool wasCorrupted = corrupted;
        _network.At(at, () => arrive(delivered, wasCorrupted, false));
        if (_random.Chance(f.Duplicate))
        {
            ulong again = at + Latency();
            if (!f.Reorder)
            {
                lastUs = Math.Max(lastUs, again);
            }

            _network.At(again, () => arrive(delivered, wasCorrupted, true));
        }
    }

    private ulong Latency()
    {
        LinkFaults f = Faults;
        ulong max = Math.Max(f.LatencyMinUs, f.LatencyMaxUs);
        return (ulong)_random.NextRange((long)f.LatencyMinUs, (long)max);
    }

    private void ScheduleConnect(ulong delayUs)
    {
        if (_connectPending)
        {
            return;
        }

        _connectPending = true;
        _network.At(_network.Now + delayUs, TryConnect);
    }

    private void TryConnect()
    {
        _connectPending = false;
        if (!_running || _connection != null)
        {
            return;
        }

        if (_partitioned || !_network.BrokerUp)
        {
            ScheduleConnect(_backoff.NextDelayUs());
            return;
        }

        // CONNECT and CONNACK: one round trip; the path or the broker may fail meanwhile.
        _connectPending = true;
        _network.At(_network.Now + Latency() + Latency(), () =>
        {
            _connectPending = false;
            if (!_running || _connection != null)
            {
                return;
            }

            if (_partitioned || !_network.BrokerUp)
            {
                ScheduleConnect(_backoff.NextDelayUs());
                return;
            }

            if (_brokerSession != null)
            {
                // Session takeover: the old connection died without DISCONNECT, so its will goes out now.
                _brokerSession.Alive = false;
                _brokerSession = null;
                if (Will != null)
                {
                    _network.PublishWill(Will);
                }
            }

            var c = new SimConnection(++_connectionCount);
            _connection = c;
            _brokerSession = c;
            _subscriptions.Clear();
            _lastUplinkUs = 0;
            _lastDownlinkUs = 0;
            _backoff.Reset();
            _network.Counters.Connects++;
            Connected?.Invoke();
        });
    }

    private void ScheduleBrokerDetect(SimConnection c)
    {
        ulong at = _network.Now + (_network.Options.KeepAliveUs * 3 / 2);
        _network.At(at, () =>
        {
            if (_brokerSession != c || !_network.BrokerUp)
            {
                return;
            }

            _brokerSession = null;
            _subscriptions.Clear();
            if (Will != null)
            {
                _network.PublishWill(Will);
            }
        });
    }

    private void ClientDetect(SimConnection c)
    {
        if (_connection != c)
        {
            return;
        }

        _connection = null;
        if (_running)
        {
            ScheduleConnect(_backoff.NextDelayUs());
        }
    }
}
