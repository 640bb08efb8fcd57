using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace Jidoka.Hil.Rig;

/// <summary>
/// <see cref="IRigIo"/> on System.Device.Gpio (a Raspberry Pi bench): interlock lines, reset button and
/// force step as outputs, the node's stop output as an input whose every edge is timestamped in the
/// pin-change callback (the kernel's GPIO character device delivers edges some tens of µs late; the
/// rig's latency figures include that). Takes its controller, so tests can give it any
/// <see cref="GpioDriver"/>.
/// </summary>
public sealed class GpioRigIo : IRigIo
{
    private readonly GpioController _gpio;
    private readonly bool _ownsController;
    private readonly RigPinMap _map;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _sync = new();
    private readonly List<(long AtUs, bool Energized)> _edges = new();
    private readonly PinChangeEventHandler _onStop;
    private const int EdgesMax = 100_000;

    /// <summary>Opens the pins of <paramref name="map"/> on <paramref name="gpio"/> and drives every interlock closed, reset released, force step off.</summary>
    public GpioRigIo(GpioController gpio, RigPinMap map, bool ownsController = true)
    {
        _gpio = gpio ?? throw new ArgumentNullException(nameof(gpio));
        _map = map ?? throw new ArgumentNullException(nameof(map));
        _ownsController = ownsController;
        IReadOnlyList<string> problems = map.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("unusable pin map: " + string.Join("; ", problems), nameof(map));
        }

        for (int i = 0; i < 6; i++)
        {
            _gpio.OpenPin(map.InterlockPins[i], PinMode.Output, Level(map.InterlockClosedLevel, true));
        }

        if (map.ResetButtonPin is int reset)
        {
            _gpio.OpenPin(reset, PinMode.Output, Level(map.ResetPressedLevel, false));
        }

        if (map.ForceStepPin is int step)
        {
            _gpio.OpenPin(step, PinMode.Output, PinValue.Low);
        }

        _gpio.OpenPin(map.StopOutputPin, PinMode.Input);
        _onStop = (_, e) => Record(e.ChangeType == PinEventTypes.Rising ? map.StopEnergizedLevel == "high" : map.StopEnergizedLevel == "low");
        _gpio.RegisterCallbackForPinValueChangedEvent(map.StopOutputPin, PinEventTypes.Rising | PinEventTypes.Falling, _onStop);
    }

    /// <inheritdoc/>
    public string Description => $"GPIO rig: {_map.Description} (interlocks {string.Join(",", _map.InterlockPins.Select(p => p.ToString(CultureInfo.InvariantCulture)))}, stop output {_map.StopOutputPin})";

    /// <inheritdoc/>
    public long NowUs => _clock.Elapsed.Ticks / 10;

    /// <inheritdoc/>
    public bool CanPressReset => _map.ResetButtonPin.HasValue;

    /// <inheritdoc/>
    public bool CanStepForce => _map.ForceStepPin.HasValue;

    /// <inheritdoc/>
    public double ForceStepNewtons => _map.ForceStepNewtons;

    /// <inheritdoc/>
    public bool StopEnergized => _gpio.Read(_map.StopOutputPin) == Level(_map.StopEnergizedLevel, true);

    /// <inheritdoc/>
    public void SetInterlock(int channel, bool contactClosed)
    {
        if (channel is < 0 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(channel));
        }

        _gpio.Write(_map.InterlockPins[channel], Level(_map.InterlockClosedLevel, contactClosed));
    }

    /// <inheritdoc/>
    public void SetResetButton(bool pressed) =>
        _gpio.Write(_map.ResetButtonPin ?? throw new InvalidOperationException("the pin map wires no reset button"), Level(_map.ResetPressedLevel, pressed));

    /// <inheritdoc/>
    public void SetForceStep(bool applied) =>
        _gpio.Write(_map.ForceStepPin ?? throw new InvalidOperationException("the pin map wires no force step"), applied ? PinValue.High : PinValue.Low);

    /// <inheritdoc/>
    public bool TryWaitStop(bool energized, long sinceUs, TimeSpan timeout, out long atUs)
    {
        var wait = Stopwatch.StartNew();
        while (true)
        {
            lock (_sync)
            {
                foreach ((long at, bool level) in _edges)
                {
                    if (at >= sinceUs && level == energized)
                    {
                        atUs = at;
                        return true;
                    }
                }

                if (wait.Elapsed >= timeout)
                {
                    atUs = 0;
                    return false;
                }

                Monitor.Wait(_sync, TimeSpan.FromMilliseconds(5));
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _gpio.UnregisterCallbackForPinValueChangedEvent(_map.StopOutputPin, _onStop);
        if (_ownsController)
        {
            _gpio.Dispose();
        }
    }

    private static PinValue Level(string activeLevel, bool active) => (activeLevel == "high") == active ? PinValue.High : PinValue.Low;

    private void Record(bool energized)
    {
        long now = NowUs;
        lock (_sync)
        {
            if (_edges.Count >= EdgesMax)
            {
                _edges.RemoveRange(0, EdgesMax / 2);
            }

            _edges.Add((now, energized));
            Monitor.PulseAll(_sync);
        }
    }
}
