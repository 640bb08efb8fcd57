// Mirrors: nanoFramework.System.IO.Ports 1.1.139
// Signatures read from nanoframework/System.IO.Ports, tag v1.1.139: SerialPort.cs, SerialData.cs,
// SerialDataReceivedEventArgs.cs, SerialDataReceivedEventHandler.cs, Parity.cs, StopBits.cs, Handshake.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
//
// The vision link is a UART. SerialPort.BaseStream is left out on purpose: the apps read with
// Read(byte[], int, int) into a preallocated buffer, which does not allocate.

using System;

namespace System.IO.Ports
{
    /// <summary>A UART, named "COMn" (ESP32: COM1 is UART0 and carries the nanoFramework wire protocol).</summary>
    public sealed class SerialPort : IDisposable
    {
        /// <summary>Describes a port; <see cref="Open"/> claims it.</summary>
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) => throw new NotImplementedException();

        /// <summary>Names of the target's ports.</summary>
        public static string[] GetPortNames() => throw new NotImplementedException();

        /// <summary>Port name, "COMn".</summary>
        public string PortName => throw new NotImplementedException();

        /// <summary>Baud rate.</summary>
        public int BaudRate
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Parity.</summary>
        public Parity Parity
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Data bits per character.</summary>
        public int DataBits
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Stop bits.</summary>
        public StopBits StopBits
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Flow control.</summary>
        public Handshake Handshake
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>True once <see cref="Open"/> succeeded.</summary>
        public bool IsOpen => throw new NotImplementedException();

        /// <summary>Read timeout, ms.</summary>
        public int ReadTimeout
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Write timeout, ms.</summary>
        public int WriteTimeout
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Bytes buffered before <see cref="DataReceived"/> fires with <see cref="SerialData.Chars"/>.</summary>
        public int ReceivedBytesThreshold
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>A character whose arrival fires <see cref="DataReceived"/> with <see cref="SerialData.WatchChar"/> (the line terminator).</summary>
        public char WatchChar
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Line terminator for ReadLine and WriteLine.</summary>
        public string NewLine
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Bytes waiting in the receive buffer.</summary>
        public int BytesToRead => throw new NotImplementedException();

        /// <summary>Receive buffer size, bytes.</summary>
        public int ReadBufferSize
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Raised from the native event dispatcher when bytes or the watch character arrive.</summary>
        public event SerialDataReceivedEventHandler DataReceived
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        /// <summary>Claims the UART.</summary>
        public void Open() => throw new NotImplementedException();

        /// <summary>Releases the UART.</summary>
        public void Close() => throw new NotImplementedException();

        /// <summary>Copies up to <paramref name="count"/> received bytes; returns how many.</summary>
        public int Read(byte[] buffer, int offset, int count) => throw new NotImplementedException();

        /// <summary>Sends <paramref name="count"/> bytes.</summary>
        public void Write(byte[] buffer, int offset, int count) => throw new NotImplementedException();

        /// <summary>Releases the UART.</summary>
        public void Dispose() => throw new NotImplementedException();
    }

    /// <summary>Handler of <see cref="SerialPort.DataReceived"/>.</summary>
    public delegate void SerialDataReceivedEventHandler(object sender, SerialDataReceivedEventArgs e);

    /// <summary>Arguments of <see cref="SerialPort.DataReceived"/>.</summary>
    public class SerialDataReceivedEventArgs : EventArgs
    {
        internal SerialDataReceivedEventArgs() => throw new NotImplementedException();

        /// <summary>What arrived.</summary>
        public SerialData EventType => throw new NotImplementedException();
    }

    /// <summary>Why <see cref="SerialPort.DataReceived"/> fired.</summary>
    public enum SerialData
    {
        /// <summary>Bytes arrived.</summary>
        Chars = 1,

        /// <summary>The watch character arrived.</summary>
        WatchChar = 2,
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

    /// <summary>Flow control.</summary>
    public enum Handshake
    {
        /// <summary>None.</summary>
        None,

        /// <summary>XON/XOFF.</summary>
        XOnXOff,

        /// <summary>RTS/CTS.</summary>
        RequestToSend,

        /// <summary>RTS/CTS and XON/XOFF.</summary>
        RequestToSendXOnXOff,
    }
}
