using System;
using System.Device.Gpio;
using Jidoka.Boards.Logic.Profile;
using Jidoka.Node;
using Jidoka.Node.Hardware;

namespace Jidoka.Boards.Adapters.Gpio
{
    /// <summary>
    /// A contact input (interlock channel, reset button) on one GPIO pin: opened with the board file's
    /// pull, read as "active" in the board file's polarity. An interlock channel also forwards its
    /// pin-change event to the core, which trips at once when both channels of that interlock are open;
    /// the loop's own read is the backstop for a missed edge.
    /// </summary>
    public sealed class GpioContactInput : IDigitalInput
    {
        private readonly GpioPin _pin;
        private readonly bool _activeHigh;
        private NodeCore? _core;
        private int _channelIndex;

        /// <summary>Opens the pin as an input with the profile's pull. Throws when the pin cannot do that (checked at boot).</summary>
        public GpioContactInput(GpioController gpio, InputPinProfile profile)
        {
            PinMode mode = profile.Pull == InputPull.Up ? PinMode.InputPullUp
                : profile.Pull == InputPull.Down ? PinMode.InputPullDown
                : PinMode.Input;
            _pin = gpio.OpenPin(profile.PinNumber, mode);

            // No native debounce: it would delay the opening edge, the direction that must never wait. The
            // core debounces the closing direction only.
            _pin.DebounceTimeout = TimeSpan.Zero;
            _activeHigh = profile.ActiveHigh;
        }

        /// <inheritdoc/>
        public bool Read() => (bool)_pin.Read() == _activeHigh;

        /// <summary>Forwards every edge of this pin, with its direction, to <see cref="NodeCore.OnInterlockEdge(int, bool)"/> for <paramref name="channelIndex"/>. Call once, after the core exists.</summary>
        public void ForwardEdgesTo(NodeCore core, int channelIndex)
        {
            _core = core;
            _channelIndex = channelIndex;
            _pin.ValueChanged += OnValueChanged;
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            // The handler runs some hundred µs after the edge; a bouncing contact may already read closed
            // again by then, so the edge itself says whether the contact opened (the core counts an opening
            // at once and re-reads both channels of the pair).
            bool levelFell = e.ChangeType == PinEventTypes.Falling;
            _core?.OnInterlockEdge(_channelIndex, levelFell == _activeHigh);
        }
    }
}
