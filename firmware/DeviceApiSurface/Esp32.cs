// Mirrors: nanoFramework.Hardware.Esp32 1.6.40
// Signatures read from nanoframework/nanoFramework.Hardware.Esp32, tag v1.6.40: HighResTimer.cs, Configuration.cs,
// DeviceTypePins.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
// Exactly the members the board apps call (Jidoka.BoardApps.Gate.Tests checks it).
//
// 1.6.40 rather than 1.6.42 because 1.6.42 needs Runtime.Events 1.11.39 and the rest of the pinned set
// uses 1.11.37. HighResTimer drives the trip loop: the ESP32 system tick is too coarse for a 1 ms period.

using System;

namespace nanoFramework.Hardware.Esp32
{
    /// <summary>Handler of <see cref="HighResTimer.OnHighResTimerExpired"/>.</summary>
    public delegate void HighResTimerExpiredEventHandler(HighResTimer sender, object e);

    /// <summary>An esp_timer: µs resolution, callbacks dispatched to managed code.</summary>
    public class HighResTimer : IDisposable
    {
        /// <summary>Creates the timer.</summary>
        public HighResTimer() => throw new NotImplementedException();

        /// <summary>Raised when the timer expires.</summary>
        public event HighResTimerExpiredEventHandler OnHighResTimerExpired
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        /// <summary>Microseconds since boot (the node's monotonic clock).</summary>
        public static ulong GetCurrent() => throw new NotImplementedException();

        /// <summary>Fires once after <paramref name="timeout_us"/> µs.</summary>
        public void StartOneShot(ulong timeout_us) => throw new NotImplementedException();

        /// <summary>Deletes the timer.</summary>
        public void Dispose() => throw new NotImplementedException();
    }

    /// <summary>Routes peripheral signals to GPIOs through the ESP32's GPIO matrix.</summary>
    public class Configuration
    {
        internal Configuration() => throw new NotImplementedException();

        /// <summary>Routes <paramref name="value"/> to GPIO <paramref name="pin"/>; call before opening the peripheral.</summary>
        public static void SetPinFunction(int pin, DeviceFunction value) => throw new NotImplementedException();
    }

    /// <summary>
    /// Peripheral signals. The package encodes each as device type × 0x10000 + device index × 0x100 +
    /// signal index (DeviceTypePins.cs); the apps compute the code from the board file's bus and port
    /// (firmware/boards/logic/Pins/Esp32PinFunctions.cs) and cast it, and a test compares that formula
    /// with the values mirrored here for the signals the ESP32 board file routes.
    /// </summary>
    public enum DeviceFunction
    {
        /// <summary>SPI1 MOSI (drives the HX711's PD_SCK).</summary>
        SPI1_MOSI = 0x10100,

        /// <summary>SPI1 MISO (reads the HX711's DOUT).</summary>
        SPI1_MISO = 0x10101,

        /// <summary>SPI1 clock (not wired to the HX711, but the peripheral needs a pin).</summary>
        SPI1_CLOCK = 0x10102,

        /// <summary>COM2 (UART1) TX.</summary>
        COM2_TX = 0x30200,

        /// <summary>COM2 (UART1) RX.</summary>
        COM2_RX = 0x30201,
    }
}
