namespace Jidoka.Node.Channels
{
    /// <summary>
    /// The local reset button. A press counts once, when the button has been held for the hold time
    /// after having been seen released: a glitch on the line or a button jammed down cannot reset a trip.
    /// </summary>
    public sealed class ResetButton
    {
        private bool _released;
        private bool _pressed;
        private bool _reported;
        private ulong _pressedSinceUs;

        /// <summary>True on the one update at which a press counts.</summary>
        public bool Pressed { get; private set; }

        /// <summary>Updates from the raw level (true = pressed) read at <paramref name="nowUs"/>.</summary>
        public void Update(bool rawPressed, ulong nowUs, ulong holdUs)
        {
            Pressed = false;
            if (!rawPressed)
            {
                _released = true;
                _pressed = false;
                _reported = false;
                return;
            }

            if (!_pressed)
            {
                _pressed = true;
                _pressedSinceUs = nowUs;
            }

            if (_released && !_reported && nowUs - _pressedSinceUs >= holdUs)
            {
                _reported = true;
                Pressed = true;
            }
        }
    }
}
