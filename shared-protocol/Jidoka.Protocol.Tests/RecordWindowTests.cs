using System;
using Xunit;

namespace Jidoka.Protocol.Tests;

/// <summary>
/// Policy and calibration records written to or read from a bare array (node store, command service)
/// go through the same cursor as the command codec; a window that does not fit is refused whole.
/// </summary>
public sealed class RecordWindowTests
{
    [Fact]
    public void A_policy_that_does_not_fit_is_refused_before_any_byte_is_written()
    {
        var policy = new PolicyRecord { PolicyId = 7 };
        byte[] buffer = new byte[PolicyRecord.SizeBytes + 2];
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.Write(buffer, 3));
        Assert.All(buffer, b => Assert.Equal(0, b));

        policy.Write(buffer, 2);
        Assert.Equal(7u, LittleEndian.ReadUInt32(buffer, 2));
    }

    [Fact]
    public void A_calibration_read_past_the_array_throws_instead_of_reading_a_partial_record()
    {
        var calibration = new CalibrationRecord { Technician = "tech-1", CalibrationId = 5 };
        byte[] buffer = new byte[CalibrationRecord.SizeBytes];
        calibration.Write(buffer, 0);

        var read = new CalibrationRecord();
        Assert.Throws<ArgumentOutOfRangeException>(() => read.Read(buffer, 1));
        Assert.Equal("", read.Read(buffer, 0));
        Assert.Equal("tech-1", read.Technician);
        Assert.Equal(5, read.CalibrationId);
    }
}
