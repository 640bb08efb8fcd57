using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.IO;
using System.Threading;
using Jidoka.Hil.Rig;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Nodes;
using Jidoka.SimBoard.Physics;
using Xunit;
using Xunit.Abstractions;

namespace Jidoka.Hil.Tests;

/// <summary>
/// The bench: a real node wired to a rig (docs/hil.md, Real rig). Without one these tests skip and say
/// exactly why and how to enable them; a skipped test is never counted as passed. Latencies here are
/// wall-clock on real hardware and are printed; the bounds asserted are sanity bounds only.
/// </summary>
[Trait("Category", "Rig")]
public sealed class RigTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly ITestOutputHelper _output;

    public RigTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void Bench_interlock_open_drops_the_stop_output()
    {
        using IRigIo rig = OpenOrSkip();
        Assert.True(RigBench.TryArm(rig, Timeout), "the node's stop output did not energize with every interlock closed (and a reset, if wired)");
        BenchTrip trip = RigBench.OpenInterlock(rig, 0, Timeout);
        _output.WriteLine($"{rig.Description}: {trip.What}: stop output off after {trip.LatencyUs} µs");
        Assert.NotNull(trip.StopOffUs);
        Assert.InRange(trip.LatencyUs!.Value, 0, 100_000);
        Assert.False(rig.StopEnergized);
        Assert.True(RigBench.TryArm(rig, Timeout) || !rig.CanPressReset, "closing the guard and pressing reset re-armed the node");
    }

    [SkippableFact]
    public void Bench_channel_discrepancy_trips_after_the_discrepancy_time()
    {
        using IRigIo rig = OpenOrSkip();
        Assert.True(RigBench.TryArm(rig, Timeout));
        BenchTrip trip = RigBench.OpenOneChannel(rig, 2, Timeout);
        _output.WriteLine($"{rig.Description}: {trip.What}: stop output off after {trip.LatencyUs} µs");
        Assert.NotNull(trip.StopOffUs);
        // The board file's discrepancy time is 100 ms: not before it, and not much after.
        Assert.InRange(trip.LatencyUs!.Value, 90_000, 500_000);
        RigBench.TryArm(rig, Timeout);
    }

    [SkippableFact]
    public void Bench_force_step_trips_force_over_limit()
    {
        using IRigIo rig = OpenOrSkip();
        Skip.IfNot(rig.CanStepForce, "The pin map wires no force step (forceStepPin): the force test needs a shunt-calibration resistor switched across the load cell, see docs/hil.md.");
        Assert.True(RigBench.TryArm(rig, Timeout));
        BenchTrip trip = RigBench.StepForce(rig, Timeout);
        _output.WriteLine($"{rig.Description}: {trip.What}: stop output off after {trip.LatencyUs} µs");
        rig.SetForceStep(false);
        Assert.NotNull(trip.StopOffUs);
        Assert.InRange(trip.LatencyUs!.Value, 0, 500_000);
    }

    private static IRigIo OpenOrSkip()
    {
        if (!RigSelection.TryOpen(out IRigIo? rig, out string reason))
        {
            Console.Error.WriteLine("SKIPPED HIL bench test: " + reason);
            throw new SkipException(reason);
        }

        return rig!;
    }
}

/// <summary>The rig code itself, without a bench: pin maps, and the GPIO implementation over a GPIO driver wired to a simulated node.</summary>
public sealed class RigCodeTests
{
    private static string ExampleMap => Path.Combine(RepoPaths.Root(), "hil-tests", "rig", "pinmap.example.json");

    [Fact]
    public void The_example_pin_map_is_usable_and_broken_maps_are_refused()
    {
        RigPinMap map = RigPinMap.Load(ExampleMap);
        Assert.Empty(map.Problems());
        map.InterlockPins[1] = map.StopOutputPin;
        map.InterlockClosedLevel = "up";
        map.InterlockPins.RemoveAt(5);
        IReadOnlyList<string> problems = map.Problems();
        Assert.Contains(problems, p => p.Contains("6 pins", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("used twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("interlockClosedLevel", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Without_configuration_no_rig_is_opened_and_the_reason_says_how_to_enable_it()
    {
        Skip.If(Environment.GetEnvironmentVariable(RigSelection.RigVariable) != null, "a rig is configured here");
        Assert.False(RigSelection.TryOpen(out IRigIo? rig, out string reason));
        Assert.Null(rig);
        Assert.Contains("JIDOKA_RIG=gpio", reason, StringComparison.Ordinal);
        Assert.Contains("docs/hil.md", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gpio_rig_drives_a_simulated_node_through_a_gpio_driver_and_times_its_stop_output()
    {
        RigPinMap map = RigPinMap.Load(ExampleMap);
        using var cell = new RealTimeCell(11, new MqttNetLinkOptions { Host = "127.0.0.1", Port = 1 });
        SimulatedNode node = cell.AddNode(new SimulatedBoardOptions { NodeId = "bench-01" });
        // Start with the guard open, as a node on a bench powers up before the rig drives its lines.
        node.Interlocks.Open(Jidoka.Protocol.InputChannel.Guard);
        node.PowerOn();
        using var driver = new SimulatedNodeGpioDriver(node, map);
        using var rig = new GpioRigIo(new GpioController(driver), map);

        Assert.True(RigBench.TryArm(rig, TimeSpan.FromSeconds(5)), "the rig closed the guard and pressed reset; the node armed");
        Assert.True(node.StopOutput.Energized);
        BenchTrip guard = RigBench.OpenInterlock(rig, 0, TimeSpan.FromSeconds(5));
        Assert.NotNull(guard.StopOffUs);
        Assert.False(node.StopOutput.Energized);
        Assert.InRange(guard.LatencyUs!.Value, 0, 2_000_000);

        Assert.True(RigBench.TryArm(rig, TimeSpan.FromSeconds(5)), "re-armed by the rig's reset button");
        BenchTrip force = RigBench.StepForce(rig, TimeSpan.FromSeconds(5));
        Assert.NotNull(force.StopOffUs);
        Assert.Equal(Jidoka.Protocol.TripRule.ForceOverLimit, node.Core!.Context.Latch.Rule);
    }

    /// <summary>A GPIO driver whose pins are a simulated node's: rig outputs drive its interlocks, reset and force; the rig's input reads its stop output.</summary>
    private sealed class SimulatedNodeGpioDriver : GpioDriver
    {
        private readonly SimulatedNode _node;
        private readonly RigPinMap _map;
        private readonly Dictionary<int, PinMode> _modes = new();
        private readonly List<PinChangeEventHandler> _callbacks = new();
        private readonly Thread _watcher;
        private volatile bool _stop;

        public SimulatedNodeGpioDriver(SimulatedNode node, RigPinMap map)
        {
            _node = node;
            _map = map;
            _watcher = new Thread(Watch) { IsBackground = true };
            _watcher.Start();
        }

        protected override int PinCount => 28;

        protected override void OpenPin(int pinNumber) => _modes[pinNumber] = PinMode.Input;

        protected override void ClosePin(int pinNumber) => _modes.Remove(pinNumber);

        protected override void SetPinMode(int pinNumber, PinMode mode) => _modes[pinNumber] = mode;

        protected override PinMode GetPinMode(int pinNumber) => _modes[pinNumber];

        protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

        protected override PinValue Read(int pinNumber) =>
            pinNumber == _map.StopOutputPin && (_node.StopOutput.Energized == (_map.StopEnergizedLevel == "high")) ? PinValue.High : PinValue.Low;

        protected override void Write(int pinNumber, PinValue value)
        {
            bool high = value == PinValue.High;
            int channel = _map.InterlockPins.IndexOf(pinNumber);
            if (channel >= 0)
            {
                _node.Interlocks.SetChannel(channel, high == (_map.InterlockClosedLevel == "high"));
            }
            else if (pinNumber == _map.ResetButtonPin)
            {
                _node.ResetButton.Set(high == (_map.ResetPressedLevel == "high"));
            }
            else if (pinNumber == _map.ForceStepPin)
            {
                _node.Force.Profile = high ? ForceProfile.Constant(_map.ForceStepNewtons * 1000) : ForceProfile.Zero;
            }
        }

        protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
            throw new NotSupportedException("the rig uses callbacks");

        protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
        {
            lock (_callbacks)
            {
                _callbacks.Add(callback);
            }
        }

        protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
        {
            lock (_callbacks)
            {
                _callbacks.Remove(callback);
            }
        }

        protected override void Dispose(bool disposing)
        {
            _stop = true;
            _watcher.Join();
            base.Dispose(disposing);
        }

        // Edge detection by polling the simulated output every 0.2 ms, as a GPIO chip's edge detector would.
        private void Watch()
        {
            bool last = _node.StopOutput.Energized;
            while (!_stop)
            {
                bool now = _node.StopOutput.Energized;
                if (now != last)
                {
                    last = now;
                    bool high = now == (_map.StopEnergizedLevel == "high");
                    PinChangeEventHandler[] handlers;
                    lock (_callbacks)
                    {
                        handlers = _callbacks.ToArray();
                    }

                    foreach (PinChangeEventHandler handler in handlers)
                    {
                        handler(this, new PinValueChangedEventArgs(high ? PinEventTypes.Rising : PinEventTypes.Falling, _map.StopOutputPin));
                    }
                }

                Thread.Sleep(TimeSpan.FromTicks(2000));
            }
        }
    }
}
