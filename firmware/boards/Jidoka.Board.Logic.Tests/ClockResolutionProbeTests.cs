using Jidoka.Boards.Logic.Timing;
using Jidoka.Node.Hardware;
using Xunit;

namespace Jidoka.Boards.Logic.Tests;

/// <summary>The boot check that the flashed firmware's clock can measure the policy's deadline.</summary>
public sealed class ClockResolutionProbeTests
{
    /// <summary>A clock that advances <c>costUs</c> per read but reports only whole steps of <c>stepUs</c>, as TickCount64 does.</summary>
    private sealed class SteppedClock(ulong stepUs, ulong costUs) : IMonotonicClock
    {
        private ulong _trueUs = 1_000_000;

        public ulong NowUs
        {
            get
            {
                _trueUs += costUs;
                return _trueUs / stepUs * stepUs;
            }
        }
    }

    private sealed class StoppedClock : IMonotonicClock
    {
        public ulong NowUs => 42;
    }

    [Fact]
    public void A_millisecond_clock_measures_as_1000_us_steps()
    {
        Assert.Equal(1000UL, ClockResolutionProbe.MeasureStepUs(new SteppedClock(1000, 30)));
    }

    [Fact]
    public void A_microsecond_timer_read_by_interpreted_code_measures_as_the_read_cost()
    {
        Assert.Equal(40UL, ClockResolutionProbe.MeasureStepUs(new SteppedClock(1, 40)));
    }

    [Fact]
    public void The_old_nucleo_policy_is_refused_on_a_millisecond_clock_and_the_reason_says_why()
    {
        // Issue 12: DateTime.UtcNow on the NUCLEO moves in RTC milliseconds; an 800 us deadline cannot be measured.
        string? refusal = ClockResolutionProbe.Refusal(ClockResolutionProbe.MeasureStepUs(new SteppedClock(1000, 30)), 800);
        Assert.NotNull(refusal);
        Assert.Contains("1000 us steps", refusal);
        Assert.Contains("800 us loop deadline", refusal);
    }

    [Fact]
    public void The_new_nucleo_deadline_of_8_ms_is_accepted_on_the_millisecond_clock()
    {
        Assert.Null(ClockResolutionProbe.Refusal(1000, 8000));
        Assert.Null(ClockResolutionProbe.Refusal(1000, 4000));
        Assert.NotNull(ClockResolutionProbe.Refusal(1000, 3999));
    }

    [Fact]
    public void A_clock_that_never_moves_is_refused()
    {
        Assert.Equal(0UL, ClockResolutionProbe.MeasureStepUs(new StoppedClock()));
        Assert.Contains("did not move", ClockResolutionProbe.Refusal(0, 8000));
    }
}
