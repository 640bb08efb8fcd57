using System.Collections.Generic;
using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>Maps rows selected with the <see cref="Columns"/> lists back to records.</summary>
internal static class RowReaders
{
    public static NodeRecord Node(SqliteDataReader r, IReadOnlyDictionary<RejectReason, long> rejects) => new()
    {
        NodeId = r.GetString(0),
        CellId = r.GetString(1),
        FirstSeenUnixUs = r.GetInt64(2),
        LastSeenUnixUs = r.GetInt64(3),
        HasStatus = r.GetInt64(4) != 0,
        Online = r.GetInt64(5) != 0,
        BootId = (uint)r.GetInt64(6),
        HasFrameSequence = r.GetInt64(7) != 0,
        LastFrameSequence = (uint)r.GetInt64(8),
        FirmwareVersion = r.GetString(9),
        Board = r.GetString(10),
        TripState = (TripState)r.GetInt64(11),
        TripCause = (TripRule)r.GetInt64(12),
        Response = (ResponseClass)r.GetInt64(13),
        TripEventId = unchecked((ulong)r.GetInt64(14)),
        PolicyId = (uint)r.GetInt64(15),
        PolicyHash = (uint)r.GetInt64(16),
        StagedPolicyId = (uint)r.GetInt64(17),
        ForceCalibrationId = (ushort)r.GetInt64(18),
        ForceCalibrationVersion = (ushort)r.GetInt64(19),
        VisionCalibrationId = (ushort)r.GetInt64(20),
        VisionCalibrationVersion = (ushort)r.GetInt64(21),
        TimeQuality = (TimeQuality)r.GetInt64(22),
        TimeUncertaintyUs = (uint)r.GetInt64(23),
        LastClockSkewUs = r.GetInt64(24),
        ClockSkewSuspect = r.GetInt64(25) != 0,
        LastStatusJson = r.GetString(26),
        Counters = new NodeCounters
        {
            FramesReceived = r.GetInt64(27),
            FramesStored = r.GetInt64(28),
            FramesDuplicate = r.GetInt64(29),
            FramesReordered = r.GetInt64(30),
            GapsDetected = r.GetInt64(31),
            FramesLost = r.GetInt64(32),
            FramesRecovered = r.GetInt64(33),
            FramesHistorical = r.GetInt64(34),
            EventsStored = r.GetInt64(35),
            EventsDuplicate = r.GetInt64(36),
            EventsReplayed = r.GetInt64(37),
            RebootsDetected = r.GetInt64(38),
            ClockSkewFlags = r.GetInt64(39),
            MessagesRejected = r.GetInt64(40),
        },
        Rejects = rejects,
    };

    public static FrameRecord Frame(SqliteDataReader r) => new()
    {
        NodeId = r.GetString(0),
        BootId = (uint)r.GetInt64(1),
        FrameSequence = (uint)r.GetInt64(2),
        Flags = (byte)r.GetInt64(3),
        FirstSampleMonoUs = (ulong)r.GetInt64(4),
        SamplePeriodUs = (uint)r.GetInt64(5),
        SampleCount = (int)r.GetInt64(6),
        WallStartUnixUs = r.GetInt64(7),
        WallSource = (WallTimeSource)r.GetInt64(8),
        TimeQuality = (TimeQuality)r.GetInt64(9),
        TimeUncertaintyUs = (uint)r.GetInt64(10),
        PolicyId = (uint)r.GetInt64(11),
        PolicyHash = (uint)r.GetInt64(12),
        ForceCalibrationId = (ushort)r.GetInt64(13),
        ForceCalibrationVersion = (ushort)r.GetInt64(14),
        VisionCalibrationId = (ushort)r.GetInt64(15),
        VisionCalibrationVersion = (ushort)r.GetInt64(16),
        Historical = r.GetInt64(17) != 0,
        ReceivedUnixUs = r.GetInt64(18),
        Samples = (byte[])r.GetValue(19),
    };

    public static EventRecord Event(SqliteDataReader r) => new()
    {
        NodeId = r.GetString(0),
        EventId = unchecked((ulong)r.GetInt64(1)),
        Type = (EventType)r.GetInt64(2),
        BootId = (uint)r.GetInt64(3),
        MonoUs = unchecked((ulong)r.GetInt64(4)),
        WallUnixUs = r.GetInt64(5),
        WallSource = (WallTimeSource)r.GetInt64(6),
        TimeQuality = (TimeQuality)r.GetInt64(7),
        TimeUncertaintyUs = (uint)r.GetInt64(8),
        PolicyId = (uint)r.GetInt64(9),
        PolicyHash = (uint)r.GetInt64(10),
        ForceCalibrationId = (ushort)r.GetInt64(11),
        ForceCalibrationVersion = (ushort)r.GetInt64(12),
        VisionCalibrationId = (ushort)r.GetInt64(13),
        VisionCalibrationVersion = (ushort)r.GetInt64(14),
        Record = Decision(r, 15),
        Historical = r.GetInt64(32) != 0,
        ReceivedUnixUs = r.GetInt64(33),
        Raw = (byte[])r.GetValue(34),
        CaseId = r.IsDBNull(35) ? null : r.GetInt64(35),
    };

    public static CaseRecord Case(SqliteDataReader r) => new()
    {
        CaseId = r.GetInt64(0),
        NodeId = r.GetString(1),
        CellId = r.GetString(2),
        TripEventId = unchecked((ulong)r.GetInt64(3)),
        BootId = (uint)r.GetInt64(4),
        Status = (CaseStatus)r.GetInt64(5),
        OpenedUnixUs = r.GetInt64(6),
        Decision = Decision(r, 7),
        PolicyId = (uint)r.GetInt64(24),
        PolicyHash = (uint)r.GetInt64(25),
        ForceCalibrationId = (ushort)r.GetInt64(26),
        ForceCalibrationVersion = (ushort)r.GetInt64(27),
        VisionCalibrationId = (ushort)r.GetInt64(28),
        VisionCalibrationVersion = (ushort)r.GetInt64(29),
        TimeQuality = (TimeQuality)r.GetInt64(30),
        TimeUncertaintyUs = (uint)r.GetInt64(31),
        TripWallUnixUs = r.GetInt64(32),
        TripWallSource = (WallTimeSource)r.GetInt64(33),
        Historical = r.GetInt64(34) != 0,
        WindowFromMonoUs = unchecked((ulong)r.GetInt64(35)),
        WindowToMonoUs = unchecked((ulong)r.GetInt64(36)),
        WindowComplete = r.GetInt64(37) != 0,
        ResetEventId = unchecked((ulong)r.GetInt64(38)),
        ResetBootId = (uint)r.GetInt64(39),
        ResetMonoUs = unchecked((ulong)r.GetInt64(40)),
        ResetSource = (ResetSource)r.GetInt64(41),
        ResetBy = r.GetString(42),
        TimeToResetUs = r.IsDBNull(43) ? null : r.GetInt64(43),
        RecoveredFrameSequence = (uint)r.GetInt64(44),
        RecoveredMonoUs = unchecked((ulong)r.GetInt64(45)),
        TimeToRecoverQualityUs = r.IsDBNull(46) ? null : r.GetInt64(46),
        NearMissCount = (int)r.GetInt64(47),
    };

    public static CommandRecord Command(SqliteDataReader r) => new()
    {
        CommandId = (uint)r.GetInt64(0),
        NodeId = r.GetString(1),
        Type = (CommandType)r.GetInt64(2),
        OperatorId = r.GetString(3),
        IssuedUnixUs = r.GetInt64(4),
        Argument = (uint)r.GetInt64(5),
        Encoded = (byte[])r.GetValue(6),
        Outcome = (CommandOutcome)r.GetInt64(7),
        Reason = (CommandReason)r.GetInt64(8),
        Detail = (byte)r.GetInt64(9),
        ResultEventId = unchecked((ulong)r.GetInt64(10)),
        ResultUnixUs = r.GetInt64(11),
    };

    public static AuditRecord Audit(SqliteDataReader r) => new()
    {
        Seq = r.GetInt64(0),
        Entry = new AuditEntry
        {
            RecordedUnixUs = r.GetInt64(1),
            Kind = r.GetString(2),
            NodeId = r.GetString(3),
            Actor = r.GetString(4),
            Subject = r.GetString(5),
            Details = r.GetString(6),
        },
        PrevHash = r.GetString(7),
        Hash = r.GetString(8),
    };

    public static PolicyVersionRecord Policy(SqliteDataReader r) => new()
    {
        PolicyId = (uint)r.GetInt64(0),
        PolicyHash = (uint)r.GetInt64(1),
        Encoded = (byte[])r.GetValue(2),
        CreatedBy = r.GetString(3),
        CreatedUnixUs = r.GetInt64(4),
    };

    public static CalibrationVersionRecord Calibration(SqliteDataReader r) => new()
    {
        Channel = (InputChannel)r.GetInt64(0),
        CalibrationId = (ushort)r.GetInt64(1),
        Version = (ushort)r.GetInt64(2),
        NodeId = r.GetString(3),
        Encoded = (byte[])r.GetValue(4),
        CreatedBy = r.GetString(5),
        CreatedUnixUs = r.GetInt64(6),
    };

    private static DecisionRecord Decision(SqliteDataReader r, int first) => new()
    {
        Rule = (TripRule)r.GetInt64(first),
        Response = (ResponseClass)r.GetInt64(first + 1),
        Channel = (InputChannel)r.GetInt64(first + 2),
        ReasonCode = (byte)r.GetInt64(first + 3),
        ObservedValue = r.GetInt64(first + 4),
        LimitValue = r.GetInt64(first + 5),
        ConsecutiveSamples = (ushort)r.GetInt64(first + 6),
        ForceMilliNewtons = (int)r.GetInt64(first + 7),
        VisionConfidence = (ushort)r.GetInt64(first + 8),
        VisionAgeMs = (ushort)r.GetInt64(first + 9),
        InterlockBits = (byte)r.GetInt64(first + 10),
        SampleFlags = (byte)r.GetInt64(first + 11),
        DetectMonoUs = unchecked((ulong)r.GetInt64(first + 12)),
        LatencyUs = (uint)r.GetInt64(first + 13),
        RelatedEventId = unchecked((ulong)r.GetInt64(first + 14)),
        Argument = (uint)r.GetInt64(first + 15),
        OperatorId = r.GetString(first + 16),
    };
}
