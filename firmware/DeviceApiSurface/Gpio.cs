// Mirrors: nanoFramework.System.Device.Gpio 1.1.62
// Signatures read from nanoframework/System.Device.Gpio, tag v1.1.62: GpioController.cs, GpioPin.cs,
// PinMode.cs, PinValue.cs, PinEventTypes.cs, PinValueChangedEventArgs.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.

using System;
using nanoFramework.Runtime.Events;

namespace System.Device.Gpio
{
    /// <summary>Opens and drives GPIO pins. Pin numbers are the target's logical numbers (ESP32: GPIO n; STM32: port × 16 + pin).</summary>
    public sealed class GpioController : IDisposable
    {
        /// <summary>Creates the controller.</summary>
        public GpioController() => throw new NotImplementedException();

        /// <summary>Opens a pin; it starts as an input.</summary>
        public GpioPin OpenPin(int pinNumber) => throw new NotImplementedException();

        /// <summary>Opens a pin in <paramref name="mode"/>.</summary>
        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw new NotImplementedException();

        /// <summary>Closes a pin opened through this controller.</summary>
        public void ClosePin(int pinNumber) => throw new NotImplementedException();

        /// <summary>True when the pin is already open.</summary>
        public bool IsPinOpen(int pinNumber) => throw new NotImplementedException();

        /// <summary>True when the pin supports <paramref name="mode"/> (an ESP32 input-only pin reports false for outputs).</summary>
        public bool IsPinModeSupported(int pinNumber, PinMode mode) => throw new NotImplementedException();

        /// <summary>Sets the mode of an open pin.</summary>
        public void SetPinMode(int pinNumber, PinMode mode) => throw new NotImplementedException();

        /// <summary>Reads an open pin.</summary>
        public PinValue Read(int pinNumber) => throw new NotImplementedException();

        /// <summary>Writes an open output pin.</summary>
        public void Write(int pinNumber, PinValue value) => throw new NotImplementedException();

        /// <summary>Closes every pin opened through the controller.</summary>
        public void Dispose() => throw new NotImplementedException();
    }

    /// <summary>Handler of <see cref="GpioPin.ValueChanged"/>.</summary>
    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    /// <summary>One open GPIO pin.</summary>
    public sealed class GpioPin : IDisposable
    {
        internal GpioPin() => throw new NotImplementedException();

        /// <summary>The pin's logical number.</summary>
        public int PinNumber => throw new NotImplementedException();

        /// <summary>Native debounce applied before <see cref="ValueChanged"/> fires.</summary>
        public TimeSpan DebounceTimeout
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>The pin's current mode.</summary>
        public PinMode GetPinMode() => throw new NotImplementedException();

        /// <summary>True when the pin supports <paramref name="pinMode"/>.</summary>
        public bool IsPinModeSupported(PinMode pinMode) => throw new NotImplementedException();

        /// <summary>Sets the pin's mode.</summary>
        public void SetPinMode(PinMode value) => throw new NotImplementedException();

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

    /// <summary>Edges a pin-change event reports.</summary>
    [Flags]
    public enum PinEventTypes
    {
        /// <summary>No edge.</summary>
        None = 0,

        /// <summary>Low to high.</summary>
        Rising = 1,

        /// <summary>High to low.</summary>
        Falling = 2,
    }

    /// <summary>A pin level.</summary>
    public readonly struct PinValue
    {
        /// <summary>High level.</summary>
        public static PinValue High => throw new NotImplementedException();

        /// <summary>Low level.</summary>
        public static PinValue Low => throw new NotImplementedException();

        /// <summary>0 is low, anything else high.</summary>
        public static implicit operator PinValue(int value) => throw new NotImplementedException();

        /// <summary>False is low, true high.</summary>
        public static implicit operator PinValue(bool value) => throw new NotImplementedException();

        /// <summary>0 or 1.</summary>
        public static explicit operator byte(PinValue value) => throw new NotImplementedException();

        /// <summary>0 or 1.</summary>
        public static explicit operator int(PinValue value) => throw new NotImplementedException();

        /// <summary>False for low.</summary>
        public static explicit operator bool(PinValue value) => throw new NotImplementedException();

        /// <summary>Same level.</summary>
        public bool Equals(PinValue other) => throw new NotImplementedException();

        /// <summary>Same level.</summary>
        public override bool Equals(object obj) => throw new NotImplementedException();

        /// <summary>Hash of the level.</summary>
        public override int GetHashCode() => throw new NotImplementedException();

        /// <summary>"High" or "Low".</summary>
        public override string ToString() => throw new NotImplementedException();

        /// <summary>Same level.</summary>
        public static bool operator ==(PinValue a, PinValue b) => throw new NotImplementedException();

        /// <summary>Different level.</summary>
        public static bool operator !=(PinValue a, PinValue b) => throw new NotImplementedException();
    }

    /// <summary>Arguments of a pin-change event.</summary>
    public class PinValueChangedEventArgs : BaseEvent
    {
        /// <summary>Not callable: the surface has no behaviour.</summary>
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) => throw new NotImplementedException();

        /// <summary>The edge seen.</summary>
        public PinEventTypes ChangeType => throw new NotImplementedException();

        /// <summary>The pin that changed.</summary>
        public int PinNumber => throw new NotImplementedException();
    }
}
