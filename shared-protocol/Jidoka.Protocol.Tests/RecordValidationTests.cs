using System;
using Xunit;

namespace Jidoka.Protocol.Tests;

/// <summary>Policy and calibration validation, shared by node and bridge: each problem is found and named.</summary>
public sealed class RecordValidationTests
{
    internal static PolicyRecord ValidPolicy()
    {
        var p = new PolicyRecord
        {
            PolicyId = 8, ForceLimitMilliNewtons = 450_000, ForceWarnMilliNewtons = 400_000, ForceOverLimitMs = 3,
            ForceRangeMinMilliNewtons = -50_000, ForceRangeMaxMilliNewtons = 1_000_000, ForceStuckMs = 500,
            VisionMinConfidence = 8500, VisionMaxAgeMs = 200, InterlockDebounceMs = 5, DiscrepancyMs = 100,
            LoopPeriodUs = 1000, LoopDeadlineUs = 800,
        };
        foreach (TripRule rule in new[] { TripRule.ForceOverLimit, TripRule.VisionLowConfidence, TripRule.VisionStale, TripRule.InterlockOpen, TripRule.ChannelDiscrepancy, TripRule.SensorFault, TripRule.LoopOverrun })
        {
            p.SetResponse(rule, ResponseClass.Pause);
        }

        return p;
    }

    [Fact]
    public void The_reference_policy_is_valid()
    {
        Assert.Equal(PolicyProblem.None, ValidPolicy().Validate());
    }

    public static TheoryData<string, PolicyProblem> PolicyBreakers() => new()
    {
        { "id0", PolicyProblem.PolicyId },
        { "limit0", PolicyProblem.ForceLimit },
        { "limitAboveRange", PolicyProblem.ForceLimit },
        { "warnAtLimit", PolicyProblem.ForceWarn },
        { "warn0", PolicyProblem.ForceWarn },
        { "rangeMinAboveWarn", PolicyProblem.ForceRange },
        { "rangeInverted", PolicyProblem.ForceRange },
        { "overLimit0ms", PolicyProblem.ForceOverLimitMs },
        { "overLimit1001ms", PolicyProblem.ForceOverLimitMs },
        { "stuck1ms", PolicyProblem.ForceStuckMs },
        { "confidence10001", PolicyProblem.VisionMinConfidence },
        { "age0", PolicyProblem.VisionMaxAge },
        { "debounce1001", PolicyProblem.InterlockDebounce },
        { "discrepancyNotAboveDebounce", PolicyProblem.DiscrepancyTime },
        { "period99", PolicyProblem.LoopPeriod },
        { "deadlineAbovePeriod", PolicyProblem.LoopDeadline },
        { "deadline0", PolicyProblem.LoopDeadline },
        { "responseNone", PolicyProblem.ResponseClass },
        { "responseUndefined", PolicyProblem.ResponseClass },
    };

    [Theory]
    [MemberData(nameof(PolicyBreakers))]
    public void Each_policy_problem_is_found(string breaker, PolicyProblem expected)
    {
        PolicyRecord p = ValidPolicy();
        Action<PolicyRecord> breakIt = breaker switch
        {
            "id0" => x => x.PolicyId = 0,
            "limit0" => x => x.ForceLimitMilliNewtons = 0,
            "limitAboveRange" => x => x.ForceLimitMilliNewtons = 1_000_000,
            "warnAtLimit" => x => x.ForceWarnMilliNewtons = 450_000,
            "warn0" => x => x.ForceWarnMilliNewtons = 0,
            "rangeMinAboveWarn" => x => x.ForceRangeMinMilliNewtons = 400_000,
            "rangeInverted" => x => { x.ForceRangeMinMilliNewtons = 2_000_000; },
            "overLimit0ms" => x => x.ForceOverLimitMs = 0,
            "overLimit1001ms" => x => x.ForceOverLimitMs = 1001,
            "stuck1ms" => x => x.ForceStuckMs = 1,
            "confidence10001" => x => x.VisionMinConfidence = 10001,
            "age0" => x => x.VisionMaxAgeMs = 0,
            "debounce1001" => x => x.InterlockDebounceMs = 1001,
            "discrepancyNotAboveDebounce" => x => x.DiscrepancyMs = 5,
            "period99" => x => x.LoopPeriodUs = 99,
            "deadlineAbovePeriod" => x => x.LoopDeadlineUs = 1001,
            "deadline0" => x => x.LoopDeadlineUs = 0,
            "responseNone" => x => x.SetResponse(TripRule.SensorFault, ResponseClass.None),
            "responseUndefined" => x => x.SetResponse(TripRule.LoopOverrun, (ResponseClass)9),
            _ => throw new ArgumentOutOfRangeException(nameof(breaker)),
        };
        breakIt(p);
        Assert.Equal(expected, p.Validate());
    }

    [Fact]
    public void Policy_hash_changes_with_any_limit_and_survives_a_round_trip()
    {
        PolicyRecord p = ValidPolicy();
        uint hash = p.ComputeHash();
        byte[] bytes = new byte[PolicyRecord.SizeBytes];
        p.Write(bytes, 0);
        var copy = new PolicyRecord();
        copy.Read(bytes, 0);
        Assert.Equal(hash, copy.ComputeHash());
        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(bytes), hash);

        copy.ForceLimitMilliNewtons++;
        Assert.NotEqual(hash, copy.ComputeHash());
        copy.CopyFrom(p);
        copy.SetResponse(TripRule.LoopOverrun, ResponseClass.Maintenance);
        Assert.NotEqual(hash, copy.ComputeHash());
    }

    private static CalibrationRecord ValidCalibration() => new()
    {
        Channel = InputChannel.Force, CalibrationId = 12, Version = 4, GainMicroUnitsPerCount = 11_920, OffsetCounts = 8_388,
        CalibratedUnixSeconds = 1_764_460_800, Technician = "tech-042",
    };

    [Fact]
    public void Calibration_problems_are_found()
    {
        Assert.Equal(CalibrationProblem.None, ValidCalibration().Validate());
        (Action<CalibrationRecord> Break, CalibrationProblem Expected)[] cases =
        [
            (c => c.Channel = InputChannel.Guard, CalibrationProblem.Channel),
            (c => c.CalibrationId = 0, CalibrationProblem.CalibrationId),
            (c => c.Version = 0, CalibrationProblem.Version),
            (c => c.GainMicroUnitsPerCount = 0, CalibrationProblem.Gain),
            (c => c.CalibratedUnixSeconds = 0, CalibrationProblem.CalibratedAt),
            (c => c.CalibratedUnixSeconds = 9_000_000_000, CalibrationProblem.CalibratedAt),
            (c => c.Technician = "", CalibrationProblem.Technician),
            (c => c.Technician = "has space", CalibrationProblem.Technician),
        ];
        foreach (var (breakIt, expected) in cases)
        {
            CalibrationRecord c = ValidCalibration();
            breakIt(c);
            Assert.Equal(expected, c.Validate());
        }
    }

    [Theory]
    [InlineData(8_388, 0)]
    [InlineData(8_388 + 1000, 11)]
    [InlineData(8_388 - 1000, -11)]
    [InlineData(16_777_215, 199_884)]
    public void Calibration_converts_counts_to_milli_newtons_in_integers(int counts, int expectedMilliNewtons)
    {
        Assert.Equal(expectedMilliNewtons, ValidCalibration().ToUnits(counts));
    }

    [Fact]
    public void Calibration_conversion_saturates_instead_of_wrapping()
    {
        CalibrationRecord c = ValidCalibration();
        c.GainMicroUnitsPerCount = int.MaxValue;
        c.OffsetCounts = int.MinValue;
        Assert.Equal(int.MaxValue, c.ToUnits(int.MaxValue));
    }
}
