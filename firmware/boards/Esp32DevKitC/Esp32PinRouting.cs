using Jidoka.Boards.Logic.Pins;
using Jidoka.Boards.Logic.Profile;
using nanoFramework.Hardware.Esp32;

namespace Jidoka.Boards.Esp32DevKitC
{
    /// <summary>
    /// Routes the SPI bus of the HX711 and the vision UART to the board file's pins through the ESP32's
    /// GPIO matrix. It must run before the SPI device and the serial port are opened: they take their
    /// pins from the routing at open time.
    /// </summary>
    internal static class Esp32PinRouting
    {
        /// <summary>Routes SPI (when the HX711 is the force source) and the vision UART.</summary>
        public static void Route(BoardProfile board)
        {
            if (board.ForceSource == ForceSourceKind.Hx711)
            {
                Hx711Profile hx = board.Hx711!;
                Configuration.SetPinFunction(hx.PdSckPin, (DeviceFunction)Esp32PinFunctions.SpiMosi(hx.SpiBusId));
                Configuration.SetPinFunction(hx.DoutPin, (DeviceFunction)Esp32PinFunctions.SpiMiso(hx.SpiBusId));
                Configuration.SetPinFunction(hx.SpiClockPin, (DeviceFunction)Esp32PinFunctions.SpiClock(hx.SpiBusId));
            }

            int com = Esp32PinFunctions.ComIndex(board.VisionLink.PortName);
            if (com < 2)
            {
                // COM1 (UART0) carries nanoFramework's wire protocol on the DevKitC's USB bridge.
                throw new System.ArgumentException("vision link must be COM2 or above on the ESP32");
            }

            Configuration.SetPinFunction(board.VisionLink.RxPin, (DeviceFunction)Esp32PinFunctions.SerialRx(com));
            Configuration.SetPinFunction(board.VisionLink.TxPin, (DeviceFunction)Esp32PinFunctions.SerialTx(com));
        }
    }
}
