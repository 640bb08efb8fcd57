namespace Jidoka.Boards.Logic.Pins
{
    /// <summary>
    /// Codes of nanoFramework.Hardware.Esp32's DeviceFunction for routing a peripheral signal through the
    /// ESP32's GPIO matrix (Configuration.SetPinFunction). The package defines each as
    /// device type × 0x10000 + device index × 0x100 + signal index (DeviceTypePins.cs: SPI = 1, SERIAL = 3;
    /// SPI signals MOSI 0, MISO 1, CLOCK 2; serial TX 0, RX 1), which is what lets a board file choose the
    /// bus number without the app listing every enum member.
    /// </summary>
    public static class Esp32PinFunctions
    {
        private const int Spi = 1 * 0x10000;
        private const int Serial = 3 * 0x10000;
        private const int DeviceIndex = 0x100;

        /// <summary>SPIn_MOSI.</summary>
        public static int SpiMosi(int busId) => Spi + (busId * DeviceIndex) + 0;

        /// <summary>SPIn_MISO.</summary>
        public static int SpiMiso(int busId) => Spi + (busId * DeviceIndex) + 1;

        /// <summary>SPIn_CLOCK.</summary>
        public static int SpiClock(int busId) => Spi + (busId * DeviceIndex) + 2;

        /// <summary>COMn_TX.</summary>
        public static int SerialTx(int comIndex) => Serial + (comIndex * DeviceIndex) + 0;

        /// <summary>COMn_RX.</summary>
        public static int SerialRx(int comIndex) => Serial + (comIndex * DeviceIndex) + 1;

        /// <summary>The n of "COMn"; -1 when <paramref name="portName"/> is not of that form (1..9).</summary>
        public static int ComIndex(string portName)
        {
            if (portName == null || portName.Length != 4 || portName[0] != 'C' || portName[1] != 'O' || portName[2] != 'M')
            {
                return -1;
            }

            int n = portName[3] - '0';
            return n >= 1 && n <= 9 ? n : -1;
        }
    }
}
