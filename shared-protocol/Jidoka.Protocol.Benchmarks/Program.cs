using System;
using BenchmarkDotNet.Running;

namespace Jidoka.Protocol.Benchmarks;

/// <summary>Prints the size comparison, then runs the BenchmarkDotNet timing comparison in the same run.</summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        (int jidoka, int json, int sparkplug) = FrameFormatBenchmarks.Sizes();
        Console.WriteLine("Bytes per 10-sample frame (same samples, header, policy and calibration tags)");
        Console.WriteLine($"  jidoka binary frame : {jidoka,5} B   1.00x   ({(jidoka - FrameCodec.HeaderBytes - Crc32.SizeBytes) / 10.0:0.0} B/sample + {FrameCodec.HeaderBytes + Crc32.SizeBytes} B header and CRC)");
        Console.WriteLine($"  Sparkplug B protobuf: {sparkplug,5} B   {sparkplug / (double)jidoka:0.00}x");
        Console.WriteLine($"  JSON                : {json,5} B   {json / (double)jidoka:0.00}x");
        Console.WriteLine($"  targets: jidoka <= 1/2 Sparkplug ({(jidoka * 2 <= sparkplug ? "met" : "NOT met")}), <= 1/5 JSON ({(jidoka * 5 <= json ? "met" : "NOT met")})");
        Console.WriteLine();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
