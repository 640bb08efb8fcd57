using Jidoka.Node.Hardware;

namespace Jidoka.Node.Engine
{
    /// <summary>
    /// The de-energize-to-trip stop output. It remembers what it last drove so status and tests can see
    /// it, and it writes the pin on every call: re-asserting the level each step costs a GPIO write and
    /// heals a pin that something else disturbed.
    /// </summary>
    public sealed class StopOutput
    {
        private readonly IDigitalOutput _pin;

        /// <summary>Wraps the stop output pin; the caller de-energizes it at boot.</summary>
        public StopOutput(IDigitalOutput pin)
        {
            _pin = pin;
        }

        /// <summary>True while the output is energized (the cell may move).</summary>
        public bool IsEnergized { get; private set; }

        /// <summary>De-energizes the output: the cell stops.</summary>
        public void DeEnergize()
        {
            // Record first: if the pin write throws, nothing may believe the output is still energized.
            IsEnergized = false;
            _pin.Write(false);
        }

        /// <summary>Energizes the output. Only the trip loop calls this, at the end of a good step while armed.</summary>
        public void Energize()
        {
            _pin.Write(true);
            IsEnergized = true;
        }
    }
}
