using Jidoka.Node.Hardware;
using Jidoka.Protocol;

namespace Jidoka.Node.Engine
{
    /// <summary>
    /// The andon light: fast blink while identifying (so a technician can find the node), steady while
    /// tripped, slow blink while booting (output still off), dark while armed. Writes the pin only on
    /// change.
    /// </summary>
    public sealed class AndonControl
    {
        /// <summary>Half period of the identify blink, µs (2 Hz).</summary>
        public const ulong IdentifyHalfPeriodUs = 250000;

        /// <summary>Half period of the booting blink, µs (0.5 Hz).</summary>
        public const ulong BootingHalfPeriodUs = 1000000;

        private readonly IDigitalOutput _pin;
        private bool _written;

        /// <summary>Wraps the andon pin.</summary>
        public AndonControl(IDigitalOutput pin)
        {
            _pin = pin;
        }

        /// <summary>Identify blinking lasts until this monotonic µs.</summary>
        public ulong IdentifyUntilUs { get; set; }

        /// <summary>True while the light is on.</summary>
        public bool IsOn { get; private set; }

        /// <summary>Drives the light for <paramref name="state"/> at <paramref name="nowUs"/>.</summary>
        public void Update(TripState state, ulong nowUs)
        {
            bool on;
            if (nowUs < IdentifyUntilUs)
            {
                on = (nowUs / IdentifyHalfPeriodUs) % 2 == 0;
            }
            else if (state == TripState.Tripped)
            {
                on = true;
            }
            else if (state == TripState.Booting)
            {
                on = (nowUs / BootingHalfPeriodUs) % 2 == 0;
            }
            else
            {
                on = false;
            }

            if (!_written || on != IsOn)
            {
                _pin.Write(on);
                _written = true;
                IsOn = on;
            }
        }
    }
}
