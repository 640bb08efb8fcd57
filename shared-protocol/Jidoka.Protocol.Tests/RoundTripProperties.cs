using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Jidoka.Protocol.Tests;

/// <summary>
/// For every message type: any valid message encodes, decodes to the same fields, and re-encodes to
/// the same bytes. A fresh instance receives the decode, so nothing carries over from the original.
/// </summary>
public sealed class RoundTripProperties
{
    private static bool RoundTrips<T>(T original, Func<T> fresh) where T : IWireMessage
    {
        byte[] buffer = new byte[ProtocolLimits.MaxMessageBytes];
        EncodeResult encoded = original.TryEncode(buffer, 0);
        if (!encoded.IsWritten)
        {
            throw new InvalidOperationException("encoder refused a valid message: " + encoded.Field);
        }

        T decoded = fresh();
        DecodeResult result = decoded.TryDecode(buffer, 0, encoded.BytesWritten);
        if (!result.IsAccepted)
        {
            throw new InvalidOperationException("decoder rejected an encoded message: " + result);
        }

        var before = new FieldList();
        var after = new FieldList();
        original.Describe(before);
        decoded.Describe(after);
        if (!Enumerable.Range(0, before.Count).Select(i => before[i]).SequenceEqual(Enumerable.Range(0, after.Count).Select(i => after[i])))
        {
            return false;
        }

        byte[] again = new byte[ProtocolLimits.MaxMessageBytes];
        EncodeResult reencoded = decoded.TryEncode(again, 0);
        return reencoded.BytesWritten == encoded.BytesWritten && again.AsSpan(0, reencoded.BytesWritten).SequenceEqual(buffer.AsSpan(0, encoded.BytesWritten));
    }

    [Property(MaxTest = 300)]
    public Property Frame() => Prop.ForAll(Generators.Frame.ToArbitrary(), m => RoundTrips(m, () => new FrameMessage()));

    [Property(MaxTest = 300)]
    public Property Event() => Prop.ForAll(Generators.Event.ToArbitrary(), m => RoundTrips(m, () => new EventMessage()));

    [Property(MaxTest = 200)]
    public Property EventAck() => Prop.ForAll(Generators.EventAck.ToArbitrary(), m => RoundTrips(m, () => new EventAckMessage()));

    [Property(MaxTest = 300)]
    public Property Command() => Prop.ForAll(Generators.Command.ToArbitrary(), m => RoundTrips(m, () => new CommandMessage()));

    [Property(MaxTest = 200)]
    public Property CommandResult() => Prop.ForAll(Generators.CommandResult.ToArbitrary(), m => RoundTrips(m, () => new CommandResultMessage()));

    [Property(MaxTest = 200)]
    public Property TimeSyncRequest() => Prop.ForAll(Generators.TimeSyncRequest.ToArbitrary(), m => RoundTrips(m, () => new TimeSyncRequestMessage()));

    [Property(MaxTest = 200)]
    public Property TimeSyncResponse() => Prop.ForAll(Generators.TimeSyncResponse.ToArbitrary(), m => RoundTrips(m, () => new TimeSyncResponseMessage()));

    [Property(MaxTest = 200)]
    public Property HostState() => Prop.ForAll(Generators.HostState.ToArbitrary(), m => RoundTrips(m, () => new HostStateMessage()));

    [Property(MaxTest = 300)]
    public Property Status() => Prop.ForAll(Generators.Status.ToArbitrary(), m => RoundTrips(m, () => new StatusMessage()));
}
