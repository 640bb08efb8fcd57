using System.Diagnostics;
using System.Linq;
using System.Threading;
using Jidoka.Node.Hardware;
using Jidoka.Node.Runtime;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Node.Tests;

public sealed class SchedulerTests
{
    private sealed class VirtualWaiter : ILoopWaiter
    {
        private readonly FakeClock _clock;

        public VirtualWaiter(FakeClock clock) => _clock = clock;

        public void WaitUntil(ulong monoUs)
        {
            if (monoUs > _clock.Now)
            {
                _clock.Now = monoUs;
            }
        }
    }

    [Fact]
    public void Steps_run_on_the_period_grid_and_late_periods_are_skipped_and_counted()
    {
        var rig = new NodeRig();
        rig.Core.Boot(0, false);
        var scheduler = new LoopScheduler(rig.Core, rig.Clock, new VirtualWaiter(rig.Clock));
        ulong start = rig.Clock.Now;
        for (int i = 0; i < 100; i++)
        {
            scheduler.RunOne();
        }

        Assert.Equal(start + (100 * NodeRig.PeriodUs), rig.Clock.Now);
        Assert.Equal(0u, scheduler.SkippedPeriods);

        // One step stalls for 3.5 periods (a stop-the-world GC): three periods are skipped, not replayed.
        rig.Force.ReadCostUs = 3500;
        scheduler.RunOne();
        rig.Force.ReadCostUs = 0;
        Assert.Equal(2u, scheduler.SkippedPeriods);
        scheduler.RunOne();
        Assert.Equal(0ul, (rig.Clock.Now - start) % NodeRig.PeriodUs);
    }

    private sealed class RealClock : IMonotonicClock
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        public ulong NowUs => (ulong)(_watch.ElapsedTicks * 1_000_000 / Stopwatch.Frequency);
    }

    private sealed class SleepWaiter : ILoopWaiter
    {
        private readonly IMonotonicClock _clock;

        public SleepWaiter(IMonotonicClock clock) => _clock = clock;

        public void WaitUntil(ulong monoUs)
        {
            while (_clock.NowUs < monoUs)
            {
                Thread.Sleep(1);
            }
        }
    }

    [Fact]
    public void The_runtime_runs_the_loop_and_the_communication_side_on_their_own_threads()
    {
        var clock = new RealClock();
        var fakeClock = new FakeClock();
        var pins = Enumerable.Range(0, 6).Select(_ => new FakePin(true)).ToArray();
        var stop = new FakeOutput();
        var link = new FakeLink { Connected = true };
        var config = new NodeRig().Config;
        // This test is about threads, not timing: the longest period the policy allows, so a loaded CI host (or
        // the JIT compiling the trip path inside the first step) cannot turn a slow step into a loop-overrun trip.
        config.DefaultPolicy.LoopPeriodUs = PolicyRecord.LoopPeriodUsMax;
        config.DefaultPolicy.LoopDeadlineUs = PolicyRecord.LoopPeriodUsMax;
        config.DefaultPolicy.ForceOverLimitMs = 300;
        config.DefaultPolicy.ForceStuckMs = 60000;
        config.RequireHostOnline = false;
        var vision = new FakeVision(fakeClock);
        var core = new NodeCore(config, new Config.NodeHardware(
            new ClockAdapter(clock, fakeClock), pins, new FakePin(false), stop, new FakeOutput(), new FakeForce(fakeClock) { Counts = 1000 },
            vision, new FakeWatchdog(), new MemoryStore(Store.StoreLayout.SlotsRequired(config.JournalCapacity), 192), link, null));
        core.Boot(0, false);
        var runtime = new NodeRuntime(core, clock, new SleepWaiter(clock), 5);
        runtime.Start();
        var deadline = Stopwatch.StartNew();
        while (deadline.ElapsedMilliseconds < 15000 && (runtime.Scheduler.StepsRun < 10 || core.State != TripState.Armed || !Snapshot(link).Any(p => p.Topic.EndsWith("/frame", System.StringComparison.Ordinal))))
        {
            Thread.Sleep(10);
        }

        runtime.Stop();
        Assert.True(runtime.Scheduler.StepsRun >= 10, $"{runtime.Scheduler.StepsRun} steps");
        Assert.True(core.State == TripState.Armed, $"{core.State} on {core.Context.Latch.Rule}; overruns {core.Context.Overruns}, longest step {core.Context.MaxStepUs} µs");
        Assert.Contains(Snapshot(link), p => p.Topic.EndsWith("/status", System.StringComparison.Ordinal));
        Assert.Contains(Snapshot(link), p => p.Topic.EndsWith("/frame", System.StringComparison.Ordinal));
    }

    private static Published[] Snapshot(FakeLink link)
    {
        lock (link.Sent)
        {
            return link.Sent.ToArray();
        }
    }

    // Drives the fake clock (that the fake vision source stamps scores with) from real time.
    private sealed class ClockAdapter : IMonotonicClock
    {
        private readonly IMonotonicClock _real;
        private readonly FakeClock _fake;

        public ClockAdapter(IMonotonicClock real, FakeClock fake)
        {
            _real = real;
            _fake = fake;
        }

        public ulong NowUs
        {
            get
            {
                ulong now = _real.NowUs;
                _fake.Now = now;
                return now;
            }
        }
    }
}
