namespace Jidoka.Boards.Logic.Profile
{
    /// <summary>The UART carrying the vision system's confidence lines.</summary>
    public sealed class VisionUartProfile
    {
        /// <summary>Describes the port.</summary>
        public VisionUartProfile(string portName, int rxPin, int txPin, int baudRate, int dataBits, UartParityKind parity, int stopBits)
        {
            PortName = portName;
            RxPin = rxPin;
            TxPin = txPin;
            BaudRate = baudRate;
            DataBits = dataBits;
            Parity = parity;
            StopBits = stopBits;
        }

        /// <summary>"COMn" (ESP32: COM2 is UART1, routed to any pins; STM32: fixed pins per port).</summary>
        public string PortName { get; }

        /// <summary>Receive pin (from the vision system's TX).</summary>
        public int RxPin { get; }

        /// <summary>Transmit pin (unused by the node; routed so the port has both pins).</summary>
        public int TxPin { get; }

        /// <summary>Bit/s.</summary>
        public int BaudRate { get; }

        /// <summary>Data bits per character.</summary>
        public int DataBits { get; }

        /// <summary>Parity.</summary>
        public UartParityKind Parity { get; }

        /// <summary>1 or 2.</summary>
        public int StopBits { get; }
    }
}
