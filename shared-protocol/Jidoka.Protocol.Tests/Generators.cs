using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace Jidoka.Protocol.Tests;

/// <summary>
/// FsCheck generators for every protocol message, producing the whole valid value space (including the
/// extremes of each field), so round-trip properties exercise what a real node or bridge could send.
/// </summary>
internal static class Generators
{
    private const string IdFirst = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string IdRest = IdFirst + "-_";
    private const string PersonFirst = IdFirst + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string PersonRest = PersonFirst + "-_.@";

    public static Gen<uint> AnyUInt =>
        Gen.Frequency((1, Gen.Elements(0u, 1u, uint.MaxValue)), (6, Gen.Choose(int.MinValue, int.MaxValue).Select(i => unchecked((uint)i))));

    public static Gen<uint> PositiveUInt => AnyUInt.Where(v => v != 0);

    public static Gen<int> AnyInt => AnyUInt.Select(v => unchecked((int)v));

    public static Gen<ulong> AnyULong => Gen.Zip(AnyUInt, AnyUInt, (hi, lo) => ((ulong)hi << 32) | lo);

    public static Gen<long> AnyLong => AnyULong.Select(v => unchecked((long)v));

    public static Gen<ushort> AnyUShort => Gen.Choose(0, ushort.MaxValue).Select(i => (ushort)i);

    public static Gen<byte> AnyByte => Gen.Choose(0, 255).Select(i => (byte)i);

    public static Gen<string> Id => IdOf(IdFirst, IdRest, ProtocolLimits.IdentifierMaxLength);

    public static Gen<string> PersonId => IdOf(PersonFirst, PersonRest, ProtocolLimits.PersonIdMaxLength);

    public static Gen<string> PersonIdOrEmpty => Gen.Frequency((1, Gen.Constant("")), (3, PersonId));

    private static Gen<string> IdOf(string first, string rest, int maxLength) =>
        from length in Gen.Choose(1, maxLength)
        from head in Gen.Elements(first.ToCharArray())
        from tail in Gen.ArrayOf(Gen.Elements(rest.ToCharArray()), length - 1)
        select head + new string(tail);

    private static Gen<T> Defined<T>(int min, int max) where T : struct, Enum =>
        Gen.Choose(min, max).Select(i => (T)Enum.ToObject(typeof(T), i));

    public static Gen<Action<Provenance>> Provenance =>
        from offset in AnyLong
        from uncertainty in AnyUInt
        from quality in Defined<TimeQuality>(0, 2)
        from policyId in PositiveUInt
        from hash in AnyUInt
        from cal in Gen.ArrayOf(AnyUShort, 4)
        select (Action<Provenance>)(p =>
        {
            p.WallOffsetUs = offset;
            p.TimeUncertaintyUs = uncertainty;
            p.TimeQuality = quality;
            p.PolicyId = policyId;
            p.PolicyHash = hash;
            p.ForceCalibrationId = cal[0];
            p.ForceCalibrationVersion = cal[1];
            p.VisionCalibrationId = cal[2];
            p.VisionCalibrationVersion = cal[3];
        });

    private sealed record Sample(int Force, ushort Confidence, ushort Age, byte Interlocks, byte Flags);

    private static Gen<Sample> SampleGen =>
        from force in AnyInt
        from confidence in Gen.Choose(0, ProtocolLimits.VisionConfidenceFullScale)
        from age in AnyUShort
        from interlocks in Gen.Choose(0, InterlockBits.AllClosed)
        from flags in Gen.Choose(0, 0x1F)
        select new Sample(force, (ushort)confidence, age, (byte)interlocks, (byte)flags);

    public static Gen<FrameMessage> Frame =>
        from count in Gen.Choose(1, ProtocolLimits.MaxSamplesPerFrame)
        from flags in Gen.Choose(0, 7)
        from node in Id
        from boot in PositiveUInt
        from sequence in AnyUInt
        from first in AnyULong
        from period in Gen.Choose(ProtocolLimits.SamplePeriodUsMin, ProtocolLimits.SamplePeriodUsMax)
        from provenance in Provenance
        from samples in Gen.ArrayOf(SampleGen, count)
        select BuildFrame(count, (byte)flags, node, boot, sequence, first, (uint)period, provenance, samples);

    private static FrameMessage BuildFrame(int count, byte flags, string node, uint boot, uint sequence, ulong first, uint period, Action<Provenance> provenance, Sample[] samples)
    {
        var f = new FrameMessage { SampleCount = count, Flags = flags, NodeId = node, BootId = boot, FrameSequence = sequence, FirstSampleMonoUs = first, SamplePeriodUs = period };
        provenance(f.Provenance);
        for (int i = 0; i < count; i++)
        {
            f.ForceMilliNewtons[i] = samples[i].Force;
            f.VisionConfidence[i] = samples[i].Confidence;
            f.VisionAgeMs[i] = samples[i].Age;
            f.InterlockBits[i] = samples[i].Interlocks;
            f.SampleFlags[i] = samples[i].Flags;
        }

        return f;
    }

    private static readonly TripRule[] TrippingRules =
        [TripRule.ForceOverLimit, TripRule.VisionLowConfidence, TripRule.VisionStale, TripRule.InterlockOpen, TripRule.ChannelDiscrepancy, TripRule.SensorFault, TripRule.LoopOverrun];

    public static Gen<EventMessage> Event =>
        from type in Defined<EventType>(1, 17)
        from replayed in Gen.Elements(true, false)
        from node in Id
        from id in AnyULong.Where(v => v != 0)
        from boot in PositiveUInt
        from mono in AnyULong
        from provenance in Provenance
        from anyRule in Defined<TripRule>(0, 8)
        from tripRule in Gen.Elements(TrippingRules)
        from response in Defined<ResponseClass>(1, 5)
        from channel in Defined<InputChannel>(0, 6)
        from reason in AnyByte
        from resetSource in Gen.Choose(1, 2)
        from values in Gen.ArrayOf(AnyLong, 2)
        from consecutive in AnyUShort
        from snapshot in SampleGen
        from detect in AnyULong
        from latency in AnyUInt
        from related in AnyULong
        from argument in AnyUInt
        from person in PersonIdOrEmpty
        from requiredPerson in PersonId
        select BuildEvent(type, replayed, node, id, boot, mono, provenance, type == EventType.Trip ? tripRule : anyRule,
            type == EventType.Trip ? response : ResponseClass.None, channel,
            type == EventType.Reset ? (byte)resetSource : reason, values, consecutive, snapshot, detect, latency, related, argument,
            type == EventType.Reset && resetSource == (int)ResetSource.Command ? requiredPerson : person);

    private static EventMessage BuildEvent(EventType type, bool replayed, string node, ulong id, uint boot, ulong mono, Action<Provenance> provenance,
        TripRule rule, ResponseClass response, InputChannel channel, byte reason, long[] values, ushort consecutive, Sample snapshot,
        ulong detect, uint latency, ulong related, uint argument, string person)
    {
        var e = new EventMessage { Type = type, Flags = replayed ? EventMessage.Replayed : (byte)0, NodeId = node, EventId = id, BootId = boot, MonoUs = mono };
        provenance(e.Provenance);
        DecisionRecord r = e.Record;
        r.Rule = rule;
        r.Response = response;
        r.Channel = channel;
        r.ReasonCode = reason;
        r.ObservedValue = values[0];
        r.LimitValue = values[1];
        r.ConsecutiveSamples = consecutive;
        r.ForceMilliNewtons = snapshot.Force;
        r.VisionConfidence = snapshot.Confidence;
        r.VisionAgeMs = snapshot.Age;
        r.InterlockBits = snapshot.Interlocks;
        r.SampleFlags = snapshot.Flags;
        r.DetectMonoUs = detect;
        r.LatencyUs = latency;
        r.RelatedEventId = related;
        r.Argument = argument;
        r.OperatorId = person;
        return e;
    }

    public static Gen<EventAckMessage> EventAck =>
        from node in Id
        from ids in Gen.Choose(1, ProtocolLimits.MaxAckIdsPerMessage).SelectMany(n => Gen.ArrayOf(AnyULong.Where(v => v != 0), n))
        select BuildAck(node, ids);

    private static EventAckMessage BuildAck(string node, ulong[] ids)
    {
        var ack = new EventAckMessage { NodeId = node, Count = ids.Length };
        ids.CopyTo(ack.EventIds, 0);
        return ack;
    }

    public static Gen<CommandMessage> Command =>
        from type in Defined<CommandType>(1, 6)
        from changeover in Gen.Elements(true, false)
        from node in Id
        from id in PositiveUInt
        from issued in AnyLong
        from person in PersonIdOrEmpty
        from policyBytes in Gen.ArrayOf(AnyByte, PolicyRecord.SizeBytes)
        from calibration in CalibrationBytes
        from tare in Defined<InputChannel>(0, 6)
        from identify in Gen.Choose(1, ProtocolLimits.IdentifyDurationSecondsMax)
        select BuildCommand(type, changeover, node, id, issued, person, policyBytes, calibration, tare, (ushort)identify);

    private static Gen<byte[]> CalibrationBytes =>
        from head in Gen.ArrayOf(AnyByte, CalibrationRecord.SizeBytes - ProtocolLimits.PersonIdMaxLength)
        from technician in PersonIdOrEmpty
        select head.Concat(System.Text.Encoding.ASCII.GetBytes(technician.PadRight(ProtocolLimits.PersonIdMaxLength, '\0'))).ToArray();

    private static CommandMessage BuildCommand(CommandType type, bool changeover, string node, uint id, long issued, string person, byte[] policy, byte[] calibration, InputChannel tare, ushort identify)
    {
        var c = new CommandMessage
        {
            CommandType = type,
            Flags = type == CommandType.ApplyPolicy && changeover ? CommandFlags.Changeover : (byte)0,
            NodeId = node,
            CommandId = id,
            IssuedUnixMs = issued,
            OperatorId = person,
            TareChannel = tare,
            IdentifyDurationSeconds = identify,
        };
        c.Policy.Read(policy, 0);
        Assert(c.Calibration.Read(calibration, 0).Length == 0);
        return c;
    }

    public static Gen<CommandResultMessage> CommandResult =>
        from type in Defined<CommandType>(1, 6)
        from outcome in Defined<CommandOutcome>(1, 3)
        from node in Id
        from id in PositiveUInt
        from reason in Defined<CommandReason>(1, 8)
        from detail in AnyByte
        from eventId in AnyULong
        select new CommandResultMessage
        {
            CommandType = type,
            Outcome = outcome,
            NodeId = node,
            CommandId = id,
            Reason = outcome == CommandOutcome.Rejected ? reason : CommandReason.None,
            Detail = detail,
            EventId = eventId,
        };

    public static Gen<TimeSyncRequestMessage> TimeSyncRequest =>
        from quality in Defined<TimeQuality>(0, 2)
        from node in Id
        from id in AnyUInt
        from t1 in AnyULong
        from offset in AnyLong
        from uncertainty in AnyUInt
        select new TimeSyncRequestMessage { TimeQuality = quality, NodeId = node, RequestId = id, T1NodeMonoUs = t1, CurrentOffsetUs = offset, CurrentUncertaintyUs = uncertainty };

    public static Gen<TimeSyncResponseMessage> TimeSyncResponse =>
        from node in Id
        from id in AnyUInt
        from t1 in AnyULong
        from t2 in AnyLong.Where(v => v > 0)
        from turnaround in AnyUInt
        select new TimeSyncResponseMessage
        {
            NodeId = node,
            RequestId = id,
            T1NodeMonoUs = t1,
            T2ReceiveUnixUs = t2,
            T3TransmitUnixUs = t2 > long.MaxValue - turnaround ? long.MaxValue : t2 + turnaround,
        };

    public static Gen<HostStateMessage> HostState =>
        from online in Gen.Elements(true, false)
        from host in Id
        from session in AnyLong
        select new HostStateMessage { Online = online, HostId = host, SessionStartUnixMs = session };

    private const string StatusChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+";

    private static Gen<string> StatusText =>
        from length in Gen.Choose(1, ProtocolLimits.StatusStringMaxLength)
        from chars in Gen.ArrayOf(Gen.Elements(StatusChars.ToCharArray()), length)
        select new string(chars);

    public static Gen<StatusMessage> Status =>
        from cell in Id
        from node in Id
        from online in Gen.Frequency((1, Gen.Constant(false)), (4, Gen.Constant(true)))
        from fw in StatusText
        from board in StatusText
        from uptime in AnyLong.Where(v => v >= 0 && v < 1_000_000_000_000_000_000)
        from counters in Gen.ArrayOf(AnyUInt, 13)
        from cal in Gen.ArrayOf(AnyUShort, 4)
        from state in Defined<TripState>(0, 2)
        from cause in Gen.Elements(TrippingRules)
        from response in Defined<ResponseClass>(1, 5)
        from tripEvent in AnyLong.Where(v => v >= 0 && v < 1_000_000_000_000_000_000)
        from hostOnline in Gen.Elements(true, false)
        from quality in Defined<TimeQuality>(0, 2)
        from hasFree in Gen.Elements(true, false)
        select online
            ? new StatusMessage
            {
                CellId = cell, NodeId = node, Online = true, FirmwareVersion = fw, Board = board, UptimeSeconds = uptime,
                BootId = counters[0], PolicyId = counters[1], PolicyHash = counters[2], StagedPolicyId = counters[3],
                ForceCalibrationId = cal[0], ForceCalibrationVersion = cal[1], VisionCalibrationId = cal[2], VisionCalibrationVersion = cal[3],
                TripState = state,
                TripCause = state == TripState.Tripped ? cause : TripRule.None,
                Response = state == TripState.Tripped ? response : ResponseClass.None,
                TripEventId = (ulong)tripEvent, LoopPeriodUs = counters[4], MaxStepUs = counters[5], Overruns = counters[6],
                JournalDepth = counters[7], JournalDropped = counters[8], FramesDropped = counters[9], Reconnects = counters[10],
                HostOnline = hostOnline, TimeQuality = quality, TimeUncertaintyUs = counters[11], HasFreeBytes = hasFree,
                FreeBytes = hasFree ? counters[12] : 0,
            }
            : new StatusMessage { CellId = cell, NodeId = node, Online = false };

    private static void Assert(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("generator produced an unreadable value");
        }
    }
}
