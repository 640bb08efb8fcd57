using System;
using System.IO.Ports;
using Jidoka.Boards.Logic.Profile;
using Jidoka.Boards.Logic.Vision;
using Jidoka.Node.Hardware;

namespace Jidoka.Boards.Adapters.Vision
{
    /// <summary>
    /// The vision system's UART: received bytes go, stamped with the node clock, into a
    /// <see cref="VisionFeed"/> (the parser and the newest score), which is what the core reads. The serial
    /// event fires on each '\n', so a line is handed over as soon as it is complete; the read buffer is
    /// allocated once.
    /// </summary>
    public sealed class UartVisionLink
    {
        /// <summary>Bytes read per call: several lines' worth, so a burst is drained in few reads.</summary>
        public const int ReadChunkBytes = 128;

        private readonly SerialPort _port;
        private readonly VisionFeed _feed;
        private readonly IMonotonicClock _clock;
        private readonly byte[] _chunk = new byte[ReadChunkBytes];

        /// <summary>Opens the port of <paramref name="profile"/>. ESP32 pins must be routed first. Throws when the port cannot be opened (boot).</summary>
        public UartVisionLink(VisionUartProfile profile, VisionFeed feed, IMonotonicClock clock)
        {
            _feed = feed;
            _clock = clock;
            Parity parity = profile.Parity == UartParityKind.Odd ? Parity.Odd
                : profile.Parity == UartParityKind.Even ? Parity.Even
                : Parity.None;
            _port = new SerialPort(profile.PortName, profile.BaudRate, parity, profile.DataBits, profile.StopBits == 2 ? StopBits.Two : StopBits.One);
            _port.WatchChar = '\n';
            _port.DataReceived += OnDataReceived;
            _port.Open();
        }

        /// <summary>Exceptions caught in the receive handler, since boot (a handler that threw would stop receiving).</summary>
        public uint ReceiveFaults { get; private set; }

        private void OnDataReceived(object sender, SerialDataReceivedEventArgs e)
        {
            try
            {
                int available = _port.BytesToRead;
                while (available > 0)
                {
                    int read = _port.Read(_chunk, 0, available < _chunk.Length ? available : _chunk.Length);
                    if (read <= 0)
                    {
                        return;
                    }

                    _feed.Feed(_chunk, 0, read, _clock.NowUs);
                    available = _port.BytesToRead;
                }
            }
            catch (Exception)
            {
                ReceiveFaults++;
            }
        }
    }
}
