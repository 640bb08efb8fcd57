using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TwinFeed.Views;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Tests.Storage;

/// <summary>
/// Everything a store returns through <see cref="IBridgeStore"/> (and the twin feed's views of it), as
/// JSON with fixed key names. The schema-upgrade fixture stores this snapshot as the old code produced
/// it; the new code must produce the same text from the upgraded file. Key names never change here:
/// when a record changes shape, only the accessor on the right-hand side does.
/// </summary>
public static class StoreSnapshot
{
    private static readonly JsonSerializerOptions Views = new() { WriteIndented = false };

    public static async Task<string> TakeAsync(IBridgeStore store, IReadOnlyList<(InputChannel Channel, ushort Id, ushort Version)> calibrations)
    {
        var root = new JsonObject();
        IReadOnlyList<NodeRecord> nodes = await store.ListNodesAsync(default);
        var nodeArray = new JsonArray();
        var frameArray = new JsonArray();
        foreach (NodeRecord n in nodes)
        {
            FrameRecord? latest = await store.GetLatestFrameAsync(n.NodeId, n.BootId, default);
            nodeArray.Add(new JsonObject
            {
                ["nodeId"] = n.NodeId,
                ["cellId"] = n.CellId,
                ["firstSeenUs"] = n.FirstSeenUnixUs,
                ["lastSeenUs"] = n.LastSeenUnixUs,
                ["hasStatus"] = n.HasStatus,
                ["online"] = n.Online,
                ["bootId"] = n.BootId,
                ["hasFrameSeq"] = n.HasFrameSequence,
                ["lastFrameSeq"] = n.LastFrameSequence,
                ["firmware"] = n.FirmwareVersion,
                ["board"] = n.Board,
                ["tripState"] = (int)n.TripState,
                ["tripCause"] = (int)n.TripCause,
                ["response"] = (int)n.Response,
                ["tripEventId"] = n.TripEventId,
                ["stagedPolicyId"] = n.StagedPolicyId,
                ["provenance"] = Provenance(n.Provenance),
                ["lastClockSkewUs"] = n.LastClockSkewUs,
                ["clockSkewSuspect"] = n.ClockSkewSuspect,
                ["lastStatusJson"] = n.LastStatusJson,
                ["counters"] = JsonSerializer.SerializeToNode(n.Counters),
                ["rejects"] = new JsonObject(n.Rejects.OrderBy(r => r.Key).Select(r => KeyValuePair.Create(RejectReasonNames.Name(r.Key), (JsonNode?)r.Value))),
                ["latestFrameSeq"] = latest?.FrameSequence,
                ["view"] = JsonSerializer.SerializeToNode(NodeViews.Node(n, n.Online, latest), Views),
            });

            foreach (FrameRecord f in await store.QueryFramesAsync(new FrameQuery(n.NodeId, 0, long.MaxValue / 2, 100_000), default))
            {
                frameArray.Add(Frame(f));
            }
        }

        root["nodes"] = nodeArray;
        root["frames"] = frameArray;
        root["events"] = new JsonArray((await store.QueryEventsAsync(new EventQuery(Limit: 100_000), default)).Select(e => (JsonNode)Event(e)).ToArray());

        var caseArray = new JsonArray();
        foreach (CaseRecord c in await store.QueryCasesAsync(new CaseQuery(Limit: 100_000), default))
        {
            IReadOnlyList<SampleRecord> window = await store.GetSamplesAsync(c.NodeId, c.BootId, c.WindowFromMonoUs, c.WindowToMonoUs, default);
            IReadOnlyList<EventRecord> nearMisses = await store.GetCaseNearMissesAsync(c.CaseId, default);
            caseArray.Add(new JsonObject
            {
                ["caseId"] = c.CaseId,
                ["nodeId"] = c.NodeId,
                ["cellId"] = c.CellId,
                ["tripEventId"] = c.TripEventId,
                ["bootId"] = c.BootId,
                ["status"] = (int)c.Status,
                ["openedUs"] = c.OpenedUnixUs,
                ["decision"] = Decision(c.Decision),
                ["provenance"] = Provenance(c.Provenance),
                ["tripWallUs"] = c.TripWallUnixUs,
                ["tripWallSource"] = (int)c.TripWallSource,
                ["historical"] = c.Historical,
                ["windowFromMonoUs"] = c.WindowFromMonoUs,
                ["windowToMonoUs"] = c.WindowToMonoUs,
                ["windowComplete"] = c.WindowComplete,
                ["resetEventId"] = c.ResetEventId,
                ["resetBootId"] = c.ResetBootId,
                ["resetMonoUs"] = c.ResetMonoUs,
                ["resetSource"] = (int)c.ResetSource,
                ["resetBy"] = c.ResetBy,
                ["timeToResetUs"] = c.TimeToResetUs,
                ["recoveredFrameSeq"] = c.RecoveredFrameSequence,
                ["recoveredMonoUs"] = c.RecoveredMonoUs,
                ["timeToRecoverQualityUs"] = c.TimeToRecoverQualityUs,
                ["nearMissCount"] = c.NearMissCount,
                ["nearMissIds"] = new JsonArray(nearMisses.Select(e => (JsonNode)e.EventId).ToArray()),
                ["windowSampleCount"] = window.Count,
                ["windowSha256"] = SamplesDigest(window),
                ["view"] = JsonSerializer.SerializeToNode(CaseViews.Detail(c, Array.Empty<SampleRecord>(), nearMisses), Views),
            });
        }

        root["cases"] = caseArray;
        root["unfinishedCaseIds"] = new JsonArray((await store.ListUnfinishedCasesAsync(default)).Select(c => (JsonNode)c.CaseId).ToArray());
        root["latestCaseIds"] = new JsonArray((await store.ListLatestCasePerNodeAsync(default)).Select(c => (JsonNode)c.CaseId).ToArray());
        root["maxCaseId"] = await store.GetMaxCaseIdAsync(default);

        root["commands"] = new JsonArray((await store.QueryCommandsAsync(null, 100_000, default)).Select(c => (JsonNode)new JsonObject
        {
            ["commandId"] = c.CommandId,
            ["nodeId"] = c.NodeId,
            ["type"] = (int)c.Type,
            ["operatorId"] = c.OperatorId,
            ["issuedUs"] = c.IssuedUnixUs,
            ["argument"] = c.Argument,
            ["encoded"] = Convert.ToHexString(c.Encoded),
            ["outcome"] = (int)c.Outcome,
            ["reason"] = (int)c.Reason,
            ["detail"] = c.Detail,
            ["resultEventId"] = c.ResultEventId,
            ["resultUs"] = c.ResultUnixUs,
        }).ToArray());
        root["maxCommandId"] = await store.GetMaxCommandIdAsync(default);

        root["policies"] = new JsonArray((await store.ListPoliciesAsync(default)).Select(p => (JsonNode)new JsonObject
        {
            ["policyId"] = p.PolicyId,
            ["policyHash"] = p.PolicyHash,
            ["encoded"] = Convert.ToHexString(p.Encoded),
            ["createdBy"] = p.CreatedBy,
            ["createdUs"] = p.CreatedUnixUs,
        }).ToArray());

        var calibrationArray = new JsonArray();
        foreach ((InputChannel channel, ushort id, ushort version) in calibrations)
        {
            CalibrationVersionRecord? c = await store.GetCalibrationAsync(channel, id, version, default);
            calibrationArray.Add(c == null ? null : new JsonObject
            {
                ["channel"] = (int)c.Channel,
                ["calibrationId"] = c.CalibrationId,
                ["version"] = c.Version,
                ["nodeId"] = c.NodeId,
                ["encoded"] = Convert.ToHexString(c.Encoded),
                ["createdBy"] = c.CreatedBy,
                ["createdUs"] = c.CreatedUnixUs,
            });
        }

        root["calibrations"] = calibrationArray;

        root["audit"] = new JsonArray((await store.ReadAuditAsync(0, 100_000, default)).Select(a => (JsonNode)new JsonObject
        {
            ["seq"] = a.Seq,
            ["recordedUs"] = a.Entry.RecordedUnixUs,
            ["kind"] = a.Entry.Kind,
            ["nodeId"] = a.Entry.NodeId,
            ["actor"] = a.Entry.Actor,
            ["subject"] = a.Entry.Subject,
            ["details"] = a.Entry.Details,
            ["prevHash"] = a.PrevHash,
            ["hash"] = a.Hash,
        }).ToArray());
        AuditHead? head = await store.GetAuditHeadAsync(default);
        root["auditHead"] = head == null ? null : new JsonObject { ["seq"] = head.Seq, ["hash"] = head.Hash };
        AuditVerification verification = await AuditVerifier.VerifyAsync(store, default);
        root["auditVerify"] = new JsonObject
        {
            ["recordsChecked"] = verification.RecordsChecked,
            ["findings"] = verification.Findings.Count,
            ["headSeq"] = verification.HeadSeq,
            ["headHash"] = verification.HeadHash,
        };

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Frame(FrameRecord f) => new()
    {
        ["nodeId"] = f.NodeId,
        ["bootId"] = f.BootId,
        ["frameSeq"] = f.FrameSequence,
        ["flags"] = f.Flags,
        ["firstMonoUs"] = f.FirstSampleMonoUs,
        ["samplePeriodUs"] = f.SamplePeriodUs,
        ["sampleCount"] = f.SampleCount,
        ["wallStartUs"] = f.WallStartUnixUs,
        ["wallSource"] = (int)f.WallSource,
        ["provenance"] = Provenance(f.Provenance),
        ["historical"] = f.Historical,
        ["receivedUs"] = f.ReceivedUnixUs,
        ["samples"] = Convert.ToHexString(f.Samples),
        // The view expands every sample; one frame in ten keeps the fixture small.
        ["view"] = f.FrameSequence % 10 == 0 ? JsonSerializer.SerializeToNode(FrameViews.Frame(f), Views) : null,
    };

    private static JsonObject Event(EventRecord e) => new()
    {
        ["nodeId"] = e.NodeId,
        ["eventId"] = e.EventId,
        ["type"] = (int)e.Type,
        ["bootId"] = e.BootId,
        ["monoUs"] = e.MonoUs,
        ["wallUs"] = e.WallUnixUs,
        ["wallSource"] = (int)e.WallSource,
        ["provenance"] = Provenance(e.Provenance),
        ["decision"] = Decision(e.Record),
        ["historical"] = e.Historical,
        ["receivedUs"] = e.ReceivedUnixUs,
        ["raw"] = Convert.ToHexString(e.Raw),
        ["caseId"] = e.CaseId,
        ["view"] = JsonSerializer.SerializeToNode(EventViews.Event(e), Views),
    };

    private static JsonObject Provenance(RecordProvenance p) => new()
    {
        ["policyId"] = p.PolicyId,
        ["policyHash"] = p.PolicyHash,
        ["forceCalibration"] = p.ForceCalibration.Id + "." + p.ForceCalibration.Version,
        ["visionCalibration"] = p.VisionCalibration.Id + "." + p.VisionCalibration.Version,
        ["timeQuality"] = (int)p.TimeQuality,
        ["timeUncertaintyUs"] = p.TimeUncertaintyUs,
    };

    private static JsonObject Decision(DecisionRecord d) => new()
    {
        ["rule"] = (int)d.Rule,
        ["response"] = (int)d.Response,
        ["channel"] = (int)d.Channel,
        ["reasonCode"] = d.ReasonCode,
        ["observed"] = d.ObservedValue,
        ["limit"] = d.LimitValue,
        ["consecutive"] = d.ConsecutiveSamples,
        ["forceMn"] = d.ForceMilliNewtons,
        ["visionConfidence"] = d.VisionConfidence,
        ["visionAgeMs"] = d.VisionAgeMs,
        ["interlockBits"] = d.InterlockBits,
        ["sampleFlags"] = d.SampleFlags,
        ["detectMonoUs"] = d.DetectMonoUs,
        ["latencyUs"] = d.LatencyUs,
        ["relatedEventId"] = d.RelatedEventId,
        ["argument"] = d.Argument,
        ["operatorId"] = d.OperatorId,
    };

    private static string SamplesDigest(IReadOnlyList<SampleRecord> window)
    {
        string text = string.Join("\n", window.Select(s => $"{s.BootId},{s.FrameSequence},{s.MonoUs},{s.WallUnixUs},{s.ForceMilliNewtons},{s.VisionConfidence},{s.VisionAgeMs},{s.InterlockBits},{s.SampleFlags},{s.Historical}"));
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
