using System;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Jidoka.Protocol.Tests;

/// <summary>The node's CRC-32 must be bit-identical to the host library's (System.IO.Hashing.Crc32).</summary>
public sealed class Crc32Tests
{
    [Fact]
    public void Check_value_of_123456789_is_CBF43926()
    {
        byte[] data = "123456789"u8.ToArray();
        Assert.Equal(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
    }

    [Fact]
    public void Empty_input_has_crc_zero()
    {
        Assert.Equal(0u, Crc32.Compute([], 0, 0));
    }

    [Fact]
    public void Matches_System_IO_Hashing_on_every_golden_vector()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "vectors");
        int checkedCount = 0;
        foreach (string file in Directory.GetFiles(dir, "*.vec"))
        {
            var vector = new Vectors.GoldenVector();
            Assert.Equal("", vector.Parse(File.ReadAllText(file)));
            byte[] input = vector.Input;
            Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(input), Crc32.Compute(input, 0, input.Length));
            checkedCount++;
        }

        Assert.True(checkedCount >= 12);
    }

    [Property(MaxTest = 500)]
    public bool Matches_System_IO_Hashing_on_random_input(byte[] data)
    {
        return System.IO.Hashing.Crc32.HashToUInt32(data) == Crc32.Compute(data, 0, data.Length);
    }

    [Property(MaxTest = 200)]
    public Property Incremental_append_equals_one_shot()
    {
        return Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), Gen.Choose(0, 100).ToArbitrary(), (data, cutPercent) =>
        {
            int cut = data.Length * cutPercent / 100;
            uint register = Crc32.Append(Crc32.Start, data, 0, cut);
            register = Crc32.Append(register, data, cut, data.Length - cut);
            return Crc32.Finish(register) == Crc32.Compute(data, 0, data.Length);
        });
    }
}
