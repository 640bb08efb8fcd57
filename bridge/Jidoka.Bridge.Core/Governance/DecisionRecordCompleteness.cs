using System.Linq;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Governance;

/// <summary>
/// Whether a trip's case holds everything a reviewer needs: the rule that fired, the response class and
/// the channel; the policy id and hash in force; both calibration tags; and a complete sample window
/// (a frame past the window's end arrived, so the evidence around the trip is all there is).
/// </summary>
public static class DecisionRecordCompleteness
{
    /// <summary>True when <paramref name="record"/> is complete (see the class summary).</summary>
    public static bool IsComplete(CaseRecord record) => Missing(record) == "";

    /// <summary>What is missing, comma-separated ("window", "policy"...), or empty when complete.</summary>
    public static string Missing(CaseRecord record)
    {
        System.ArgumentNullException.ThrowIfNull(record);
        DecisionRecord d = record.Decision;
        var missing = new System.Collections.Generic.List<string>(6);
        // A rule that trips: defined, and neither "none" nor the near-miss rule (which never trips).
        if (d.Rule is TripRule.None or TripRule.ForceNearMiss || !TripRuleNames.IsDefined(d.Rule))
        {
            missing.Add("rule");
        }

        if (d.Response == ResponseClass.None || !ResponseClassNames.IsDefined(d.Response))
        {
            missing.Add("response");
        }

        if (d.Channel == InputChannel.None || !InputChannelNames.IsDefined(d.Channel))
        {
            missing.Add("channel");
        }

        if (record.Provenance.PolicyId == 0 || record.Provenance.PolicyHash == 0)
        {
            missing.Add("policy");
        }

        if (record.Provenance.ForceCalibration.Id == 0 || record.Provenance.VisionCalibration.Id == 0)
        {
            missing.Add("calibration");
        }

        if (!record.WindowComplete)
        {
            missing.Add("window");
        }

        return string.Join(",", missing);
    }
}
