using System;
using System.Threading.Tasks;
using Jidoka.Node;
using Jidoka.Node.Config;
using Jidoka.Node.Runtime;

namespace Jidoka.SimBoard.Nodes;

/// <summary>The board's power and reset behaviour: power-on and boot, power cuts, power cycles, the watchdog's reset.</summary>
public sealed partial class SimulatedNode
{
    /// <summary>
    /// Powers the board on and boots the core: the monotonic counter restarts at
    /// <see cref="SimulatedBoardOptions.BootMonoUs"/>, the store is mounted, the stop output starts
    /// de-energized, the watchdog is armed, the link starts connecting and the loop starts.
    /// </summary>
    public void PowerOn(ResetCause cause = ResetCause.PowerOn, bool watchdogReset = false)
    {
        _stopping.Wait();
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_core != null)
            {
                throw new InvalidOperationException("already powered");
            }

            int generation = ++_generation;
            LoopHung = false;
            _forceSource.Reset();
            Time.PowerOn(Options.BootMonoUs);
            Store.PowerOn();
            StopOutput.SetPowered(true);
            Andon.SetPowered(true);
            StopOutput.SetForcedOff(false);
            Vision.PowerOn();
            Hx711?.PowerOn();
            var hardware = new NodeHardware(Time, Interlocks.Pins, ResetButton, StopOutput, Andon, _forceSource, Vision, Watchdog, Store, new TappedLink(_drive.LinkForBoot(), (topic, payload, length) => Published?.Invoke(topic, payload, length)), null);
            var core = new NodeCore(Config, hardware);
            _drive.SetReceiver(core);
            _core = core;
            _lastCore = core;
            _boots.Add(new BootRecord(Time.PhysicalUs, cause, watchdogReset));
            core.Boot((uint)cause, watchdogReset);
            if (generation != _generation)
            {
                // A torn write during boot cut the power again.
                return;
            }

            Watchdog.Arm();
            _drive.Start(core, generation);
        }
    }

    /// <summary>
    /// Cuts the power: the outputs drop at once, RAM (the core) is gone, the store stops mid-whatever, the
    /// MQTT connection vanishes without a DISCONNECT (the broker publishes the will). Safe to call from any
    /// thread, including the node's own (a torn write cuts power from the communication thread).
    /// </summary>
    public void PowerOff() => Cut(countAsPowerLoss: true);

    private void Cut(bool countAsPowerLoss)
    {
        NodeRuntime? runtime;
        lock (_sync)
        {
            if (_core == null)
            {
                return;
            }

            _generation++;
            if (countAsPowerLoss)
            {
                PowerLosses++;
            }

            StopOutput.SetPowered(false);
            Andon.SetPowered(false);
            Watchdog.Disarm();
            Store.PowerOff();
            runtime = _drive.Cut();
            _core = null;
            _forceSource.ReleaseHang();
        }

        if (runtime != null)
        {
            // The caller may be one of the runtime's threads; stop them from elsewhere.
            _stopping = Task.Run(runtime.Stop);
        }
    }

    /// <summary>Power loss now, power back after <paramref name="offUs"/> (a brown-out or an unplugged cable).</summary>
    public void PowerCycle(ulong offUs, ResetCause cause = ResetCause.PowerOn)
    {
        PowerOff();
        Scheduler.At(Scheduler.NowUs + offUs, () => PowerOn(cause));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        PowerOff();
        _stopping.Wait();
        lock (_sync)
        {
            _disposed = true;
        }

        Store.Dispose();
        _drive.Dispose();
    }

    private void OnWatchdogExpired()
    {
        // The supervisor cuts the stop output in hardware first, then pulls the MCU's reset line.
        StopOutput.SetForcedOff(true);
        WatchdogResets++;
        Cut(countAsPowerLoss: false);
        Scheduler.At(Scheduler.NowUs, () => PowerOn(ResetCause.External, watchdogReset: true));
    }
}
