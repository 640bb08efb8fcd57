// Mirrors: nanoFramework.System.IO.Ports 1.1.139
// Signatures read from nanoframework/System.IO.Ports, tag v1.1.139: SerialPort.cs, SerialDataReceivedEventArgs.cs,
// SerialDataReceivedEventHandler.cs, Parity.cs, StopBits.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
// Exactly the members the board apps call (Jidoka.BoardApps.Gate.Tests checks it).
//
// The vision link is a UART. The apps read with Read(byte[], int, int) into a preallocated buffer, which
// does not allocate (BaseStream and ReadLine would).

using System;

namespace System.IO.Ports
{
    /// <summary>A UART, named "COMn" (ESP32: COM1 is UART0 and carries the nanoFramework wire protocol).</summary>
    public sealed class SerialPort : IDisposable
    {
        /// <summary>Describes a port; <see cref="Open"/> claims it.</summary>
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) => throw new NotImplementedException();

        /// <summary>A character whose arrival fires <see cref="DataReceived"/> (the line terminator; the package also has a getter).</summary>
        public char WatchChar
        {
            set => throw new NotImplementedException();
        }

        /// <summary>Bytes waiting in the receive buffer.</summary>
        public int BytesToRead => throw new NotImplementedException();

        /// <summary>Raised from the native event dispatcher when bytes or the watch character arrive.</summary>
        public event SerialDataReceivedEventHandler DataReceived
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        /// <summary>Claims the UART.</summary>
        public void Open() => throw new NotImplementedException();

        /// <summary>Copies up to <paramref name="count"/> received bytes; returns how many.</summary>
        public int Read(byte[] buffer, int offset, int count) => throw new NotImplementedException();

        /// <summary>Releases the UART.</summary>
        public void Dispose() => throw new NotImplementedException();
    }

    /// <summary>Handler of <see cref="SerialPort.DataReceived"/>.</summary>
    public delegate void SerialDataReceivedEventHandler(object sender, SerialDataReceivedEventArgs e);

    /// <summary>Arguments of <see cref="SerialPort.DataReceived"/> (the apps drain the buffer whatever the cause).</summary>
    public class SerialDataReceivedEventArgs : EventArgs
    {
        internal SerialDataReceivedEventArgs() => throw new NotImplementedException();
    }

    /// <summary>Parity.</summary>
    public enum Parity
    {
        /// <summary>No parity bit.</summary>
        None = 0,

        /// <summary>Odd parity.</summary>
        Odd = 1,

        /// <summary>Even parity.</summary>
        Even = 2,
    }

    /// <summary>Stop bits.</summary>
    public enum StopBits
    {
        /// <summary>One stop bit.</summary>
        One = 1,

        /// <summary>Two stop bits.</summary>
        Two = 2,

        /// <summary>One and a half stop bits.</summary>
        OnePointFive = 3,
    }
}
