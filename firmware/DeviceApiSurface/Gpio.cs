// Mirrors: nanoFramework.System.Device.Gpio 1.1.62
// Signatures read from nanoframework/System.Device.Gpio, tag v1.1.62: GpioController.cs, GpioPin.cs,
// PinMode.cs, PinValue.cs, PinValueChangedEventArgs.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
// Exactly the members the board apps call (Jidoka.BoardApps.Gate.Tests checks it); the types keep the
// package's base types and interfaces.

using System;
using nanoFramework.Runtime.Events;

namespace System.Device.Gpio
{
    /// <summary>Opens GPIO pins. Pin numbers are the target's logical numbers (ESP32: GPIO n; STM32: port × 16 + pin).</summary>
    public sealed class GpioController : IDisposable
    {
        /// <summary>Creates the controller.</summary>
        public GpioController() => throw new NotImplementedException();

        /// <summary>Opens a pin in <paramref name="mode"/>; throws when the pin cannot do that (an ESP32 input-only pin as an output).</summary>
        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw new NotImplementedException();

        /// <summary>Closes every pin opened through the controller.</summary>
        public void Dispose() => throw new NotImplementedException();
    }

    /// <summary>Handler of <see cref="GpioPin.ValueChanged"/>.</summary>
    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    /// <summary>One open GPIO pin.</summary>
    public sealed class GpioPin : IDisposable
    {
        internal GpioPin() => throw new NotImplementedException();

        /// <summary>Native debounce applied before <see cref="ValueChanged"/> fires (the package also has a getter).</summary>
        public TimeSpan DebounceTimeout
        {
            set => throw new NotImplementedException();
        }

        /// <summary>Reads the pin.</summary>
        public PinValue Read() => throw new NotImplementedException();

        /// <summary>Writes the pin (output modes only).</summary>
        public void Write(PinValue value) => throw new NotImplementedException();

        /// <summary>Inverts an output pin.</summary>
        public void Toggle() => throw new NotImplementedException();

        /// <summary>Raised from the native interrupt dispatcher on a rising or falling edge.</summary>
        public event PinValueChangedEventHandler ValueChanged
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        /// <summary>Releases the pin.</summary>
        public void Dispose() => throw new NotImplementedException();
    }

    /// <summary>Pin modes; whether a pin supports one depends on the target.</summary>
    public enum PinMode
    {
        /// <summary>Input, floating.</summary>
        Input,

        /// <summary>Input with the internal pull-down.</summary>
        InputPullDown,

        /// <summary>Input with the internal pull-up.</summary>
        InputPullUp,

        /// <summary>Push-pull output.</summary>
        Output,

        /// <summary>Open-drain output.</summary>
        OutputOpenDrain,

        /// <summary>Open-drain output with the internal pull-up.</summary>
        OutputOpenDrainPullUp,

        /// <summary>Open-source output.</summary>
        OutputOpenSource,

        /// <summary>Open-source output with the internal pull-down.</summary>
        OutputOpenSourcePullDown,
    }

    /// <summary>A pin level.</summary>
    public readonly struct PinValue
    {
        /// <summary>False is low, true high.</summary>
        public static implicit operator PinValue(bool value) => throw new NotImplementedException();

        /// <summary>False for low.</summary>
        public static explicit operator bool(PinValue value) => throw new NotImplementedException();
    }

    /// <summary>Arguments of a pin-change event: which edge occurred.</summary>
    public class PinValueChangedEventArgs : BaseEvent
    {
        internal PinValueChangedEventArgs() => throw new NotImplementedException();

        /// <summary>The edge that occurred.</summary>
        public PinEventTypes ChangeType => throw new NotImplementedException();
    }

    /// <summary>Which edge a pin-change event reports.</summary>
    [Flags]
    public enum PinEventTypes
    {
        /// <summary>Low to high.</summary>
        Rising = 1,

        /// <summary>High to low.</summary>
        Falling = 2,
    }
}
