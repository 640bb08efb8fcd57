using System;
using System.Text;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Ingest;

/// <summary>
/// Status (retained, JSON): owns what the node reports about itself: online, firmware, board, trip
/// state, cause, response and trip event, the active and staged policy, the calibrations and the last
/// status text. Time quality is not taken from status: live frames own it (they carry it continuously,
/// a status only when it is published).
/// </summary>
internal sealed class StatusMessageHandler
{
    private readonly StatusMessage _status = new();
    private readonly BootObserver _boots;

    public StatusMessageHandler(BootObserver boots) => _boots = boots;

    public DecodeResult Handle(NodeSession session, string cellId, byte[] payload)
    {
        StatusMessage status = _status;
        DecodeResult result = status.TryDecode(payload, 0, payload.Length);
        if (!result.IsAccepted)
        {
            return result;
        }

        if (!string.Equals(status.NodeId, session.NodeId, StringComparison.Ordinal))
        {
            return DecodeResult.Reject(RejectReason.ImpossibleValue, "node");
        }

        if (!string.Equals(status.CellId, cellId, StringComparison.Ordinal))
        {
            return DecodeResult.Reject(RejectReason.ImpossibleValue, "cell");
        }

        string json = Encoding.ASCII.GetString(payload);
        if (!status.Online)
        {
            session.Update(n => n with { HasStatus = true, Online = false, LastStatusJson = json });
            return result;
        }

        if (status.BootId != 0)
        {
            _boots.Observe(session, status.BootId);
        }

        StatusMessage s = status;
        session.Update(n => n with
        {
            HasStatus = true,
            Online = true,
            FirmwareVersion = s.FirmwareVersion,
            Board = s.Board,
            TripState = s.TripState,
            TripCause = s.TripCause,
            Response = s.Response,
            TripEventId = s.TripEventId,
            // Status owns the policy and calibrations; live frames own the time fields (LiveProvenance).
            Provenance = ProvenanceMapper.From(s) with { TimeQuality = n.Provenance.TimeQuality, TimeUncertaintyUs = n.Provenance.TimeUncertaintyUs },
            StagedPolicyId = s.StagedPolicyId,
            LastStatusJson = json,
        });
        return result;
    }
}
