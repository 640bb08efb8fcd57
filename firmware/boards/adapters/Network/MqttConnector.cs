using System.Threading;
using Jidoka.Boards.Logic.Network;

namespace Jidoka.Boards.Adapters.Network
{
    /// <summary>
    /// Keeps the broker connection up on its own thread: waits for the network, connects, and after a
    /// failure or a lost connection tries again after <see cref="ReconnectBackoff"/>'s delay. It knows
    /// the link and the network and nothing else: no output, no core state. The core notices the
    /// connection through <see cref="M2MqttLink.IsConnected"/>, subscribes again and replays what the
    /// bridge has not acknowledged.
    /// </summary>
    public sealed class MqttConnector
    {
        /// <summary>How long one wait for the network lasts before it is checked again, ms.</summary>
        public const int NetworkWaitMs = 5000;

        /// <summary>While connected, how often the connection is checked even without a close event, ms.</summary>
        public const int ConnectedCheckMs = 2000;

        private readonly M2MqttLink _link;
        private readonly INetworkReadiness _network;
        private readonly ReconnectBackoff _backoff;
        private Thread? _thread;

        /// <summary>Creates the connector; <paramref name="backoffSeed"/> spreads reconnects across nodes (use a hash of the node id).</summary>
        public MqttConnector(M2MqttLink link, INetworkReadiness network, uint backoffSeed)
        {
            _link = link;
            _network = network;
            _backoff = new ReconnectBackoff(backoffSeed);
        }

        /// <summary>Successful connections since boot.</summary>
        public uint Connections { get; private set; }

        /// <summary>Starts the network helper and the connector thread.</summary>
        public void Start()
        {
            _network.Start();
            _thread = new Thread(Run);
            _thread.Start();
        }

        private void Run()
        {
            while (true)
            {
                if (_link.IsConnected)
                {
                    _link.Closed.WaitOne(ConnectedCheckMs, false);
                    continue;
                }

                if (!_network.WaitReady(NetworkWaitMs))
                {
                    continue;
                }

                if (_link.TryConnect())
                {
                    Connections++;
                    _backoff.Reset();
                }
                else
                {
                    Thread.Sleep(_backoff.NextDelayMs());
                }
            }
        }
    }
}
