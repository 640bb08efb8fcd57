using System.Linq;
using Jidoka.Boards.Logic.Network;
using Jidoka.Boards.Logic.Pins;
using Xunit;

namespace Jidoka.Boards.Logic.Tests;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Delays_double_from_one_second_to_the_cap_with_at_most_a_quarter_spread()
    {
        var backoff = new ReconnectBackoff(12345);
        int[] bases = [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000];
        foreach (int b in bases)
        {
            int delay = backoff.NextDelayMs();
            Assert.InRange(delay, b, System.Math.Min(b + (b / 4), ReconnectBackoff.MaximumMs));
        }

        Assert.Equal(bases.Length, backoff.Failures);
    }

    [Fact]
    public void Reset_starts_over_after_a_connection()
    {
        var backoff = new ReconnectBackoff(1);
        for (int i = 0; i < 10; i++)
        {
            backoff.NextDelayMs();
        }

        backoff.Reset();
        Assert.Equal(0, backoff.Failures);
        Assert.InRange(backoff.NextDelayMs(), 1000, 1250);
    }

    [Fact]
    public void The_same_seed_repeats_and_different_nodes_spread()
    {
        int[] Run(uint seed)
        {
            var b = new ReconnectBackoff(seed);
            return Enumerable.Range(0, 6).Select(_ => b.NextDelayMs()).ToArray();
        }

        Assert.Equal(Run(77), Run(77));
        Assert.NotEqual(Run(77), Run(78));
        Assert.Equal(Run(0), Run(0));
    }
}

public sealed class Esp32PinFunctionsTests
{
    // Values of nanoFramework.Hardware.Esp32 1.6.40 DeviceFunction (DeviceTypePins.cs), also mirrored in
    // firmware/DeviceApiSurface/Esp32.cs; the gate tests compare the formula with the surface's constants.
    [Fact]
    public void Formula_gives_the_package_codes()
    {
        Assert.Equal(0x10100, Esp32PinFunctions.SpiMosi(1));
        Assert.Equal(0x10101, Esp32PinFunctions.SpiMiso(1));
        Assert.Equal(0x10102, Esp32PinFunctions.SpiClock(1));
        Assert.Equal(0x10200, Esp32PinFunctions.SpiMosi(2));
        Assert.Equal(0x30200, Esp32PinFunctions.SerialTx(2));
        Assert.Equal(0x30201, Esp32PinFunctions.SerialRx(2));
        Assert.Equal(0x30301, Esp32PinFunctions.SerialRx(3));
    }

    [Theory]
    [InlineData("COM1", 1)]
    [InlineData("COM2", 2)]
    [InlineData("COM9", 9)]
    [InlineData("COM0", -1)]
    [InlineData("COM10", -1)]
    [InlineData("com2", -1)]
    [InlineData("SIM-VISION", -1)]
    [InlineData("", -1)]
    public void Com_index_is_parsed_strictly(string name, int expected) =>
        Assert.Equal(expected, Esp32PinFunctions.ComIndex(name));
}
