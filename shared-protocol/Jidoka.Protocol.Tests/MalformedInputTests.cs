using System;
using System.Collections.Generic;
using System.Linq;
using Jidoka.Protocol.Vectors;
using Xunit;

namespace Jidoka.Protocol.Tests;

/// <summary>
/// Decoders must reject damaged input with a reason and never throw: truncation at every offset,
/// every single-bit flip in a frame, and random bytes.
/// </summary>
public sealed class MalformedInputTests
{
    [Theory]
    [MemberData(nameof(VectorFiles.AcceptedNames), MemberType = typeof(VectorFiles))]
    public void Truncation_at_every_offset_is_rejected(string vectorName)
    {
        GoldenVector vector = VectorFiles.Named(vectorName);
        for (int length = 0; length < vector.Input.Length; length++)
        {
            IWireMessage message = MessageFactory.Create(vector.Message)!;
            byte[] truncated = vector.Input.AsSpan(0, length).ToArray();
            DecodeResult result = message.TryDecode(truncated, 0, truncated.Length);
            Assert.False(result.IsAccepted, $"{vectorName} truncated to {length} bytes was accepted");
            if (vector.Message != "status")
            {
                // Binary messages always know their length; status JSON is cut inside the text instead.
                Assert.True(result.Reason is RejectReason.TooShort or RejectReason.ImpossibleValue, $"{vectorName} at {length}: {result}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(VectorFiles.AcceptedNames), MemberType = typeof(VectorFiles))]
    public void Decoding_inside_a_larger_buffer_at_an_offset_gives_the_same_fields(string vectorName)
    {
        GoldenVector vector = VectorFiles.Named(vectorName);
        byte[] padded = new byte[vector.Input.Length + 17];
        padded.AsSpan().Fill(0xA5);
        vector.Input.CopyTo(padded, 9);
        IWireMessage direct = MessageFactory.Create(vector.Message)!;
        IWireMessage offset = MessageFactory.Create(vector.Message)!;
        Assert.True(direct.TryDecode(vector.Input, 0, vector.Input.Length).IsAccepted);
        Assert.True(offset.TryDecode(padded, 9, vector.Input.Length).IsAccepted);
        Assert.Equal(Lines(direct), Lines(offset));
    }

    [Fact]
    public void Every_single_bit_flip_in_a_frame_is_rejected()
    {
        byte[] frame = VectorFiles.Named("frame-10-samples").Input;
        var reasons = new Dictionary<RejectReason, int>();
        for (int bit = 0; bit < frame.Length * 8; bit++)
        {
            byte[] damaged = (byte[])frame.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            DecodeResult result = new FrameMessage().TryDecode(damaged, 0, damaged.Length);
            Assert.False(result.IsAccepted, $"bit {bit} flipped was accepted");
            reasons[result.Reason] = reasons.GetValueOrDefault(result.Reason) + 1;
        }

        // Most flips land in the body and are caught by the CRC; flips in version, type and count are
        // caught earlier with a more precise reason.
        Assert.True(reasons[RejectReason.BadCrc] > frame.Length * 8 * 9 / 10);
        Assert.True(reasons.ContainsKey(RejectReason.UnknownVersion));
        Assert.True(reasons.ContainsKey(RejectReason.UnknownType));
    }

    [Fact]
    public void Ten_thousand_random_byte_strings_never_throw_in_any_decoder()
    {
        var random = new Random(20261130);
        var messages = MessageFactory.Names.Select(n => MessageFactory.Create(n)!).ToArray();
        int accepted = 0;
        for (int i = 0; i < 10_000; i++)
        {
            byte[] input = new byte[random.Next(0, ProtocolLimits.MaxMessageBytes + 64)];
            random.NextBytes(input);

            // Half the inputs get a plausible head so they reach the deeper checks instead of
            // stopping at the version byte.
            if (input.Length >= 2 && (i & 1) == 0)
            {
                input[0] = ProtocolLimits.FormatVersion;
                input[1] = (byte)random.Next(1, 9);
            }

            foreach (IWireMessage message in messages)
            {
                DecodeResult result = message.TryDecode(input, 0, input.Length);
                if (result.IsAccepted)
                {
                    accepted++;
                }
            }
        }

        Assert.Equal(0, accepted);
    }

    [Fact]
    public void Random_mutations_of_valid_messages_never_throw()
    {
        var random = new Random(7);
        IReadOnlyList<GoldenVector> vectors = VectorFiles.All().Where(v => v.ExpectAccept).ToList();
        for (int i = 0; i < 20_000; i++)
        {
            GoldenVector vector = vectors[random.Next(vectors.Count)];
            byte[] input = (byte[])vector.Input.Clone();
            int edits = random.Next(1, 4);
            for (int e = 0; e < edits; e++)
            {
                input[random.Next(input.Length)] = (byte)random.Next(256);
            }

            // The result may be accept (an edit can restore the same byte, or hit a status value that
            // stays valid); what matters is that it never throws.
            _ = MessageFactory.Create(vector.Message)!.TryDecode(input, 0, input.Length);
        }
    }

    [Fact]
    public void Out_of_range_buffer_arguments_are_rejected_not_thrown()
    {
        foreach (string name in MessageFactory.Names)
        {
            IWireMessage message = MessageFactory.Create(name)!;
            Assert.False(message.TryDecode(null!, 0, 10).IsAccepted);
            Assert.False(message.TryDecode(new byte[10], -1, 5).IsAccepted);
            Assert.False(message.TryDecode(new byte[10], 8, 5).IsAccepted);
            Assert.False(message.TryDecode(new byte[10], 0, -3).IsAccepted);
            Assert.False(message.TryDecode(new byte[10], int.MaxValue, 5).IsAccepted);
        }
    }

    private static string[] Lines(IWireMessage message)
    {
        var fields = new FieldList();
        message.Describe(fields);
        return Enumerable.Range(0, fields.Count).Select(i => fields[i]).ToArray();
    }
}
