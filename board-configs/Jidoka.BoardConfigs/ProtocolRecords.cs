using System.Collections.Generic;
using Jidoka.BoardConfigs.Model;
using Jidoka.Protocol;

namespace Jidoka.BoardConfigs;

/// <summary>
/// Converts a board file's default limits and calibrations into the protocol's own records, so the node,
/// the bridge and these tests all judge them with <see cref="PolicyRecord.Validate"/> and
/// <see cref="CalibrationRecord.Validate"/>.
/// </summary>
public static class ProtocolRecords
{
    /// <summary>
    /// Builds the policy record. Returns false with <paramref name="unknownName"/> set when a response
    /// names a rule or response class the protocol does not know; the record is not validated here.
    /// </summary>
    public static bool TryToPolicyRecord(PolicyConfig config, out PolicyRecord policy, out string? unknownName)
    {
        policy = new PolicyRecord
        {
            PolicyId = config.PolicyId,
            ForceLimitMilliNewtons = config.ForceLimitMilliNewtons,
            ForceWarnMilliNewtons = config.ForceWarnMilliNewtons,
            ForceOverLimitMs = config.ForceOverLimitMs,
            ForceRangeMinMilliNewtons = config.ForceRangeMinMilliNewtons,
            ForceRangeMaxMilliNewtons = config.ForceRangeMaxMilliNewtons,
            ForceStuckMs = config.ForceStuckMs,
            VisionMinConfidence = config.VisionMinConfidence,
            VisionMaxAgeMs = config.VisionMaxAgeMs,
            InterlockDebounceMs = config.InterlockDebounceMs,
            DiscrepancyMs = config.DiscrepancyMs,
            LoopPeriodUs = config.LoopPeriodUs,
            LoopDeadlineUs = config.LoopDeadlineUs,
        };

        foreach (KeyValuePair<string, string> response in config.Responses)
        {
            if (!TripRuleNames.TryParse(response.Key, out TripRule rule) || rule == TripRule.None)
            {
                unknownName = $"rule '{response.Key}'";
                return false;
            }

            if (!ResponseClassNames.TryParse(response.Value, out ResponseClass responseClass))
            {
                unknownName = $"response class '{response.Value}'";
                return false;
            }

            policy.SetResponse(rule, responseClass);
        }

        unknownName = null;
        return true;
    }

    /// <summary>Builds the calibration record for <paramref name="channel"/>; not validated here.</summary>
    public static CalibrationRecord ToCalibrationRecord(CalibrationConfig config, InputChannel channel) => new()
    {
        Channel = channel,
        CalibrationId = config.CalibrationId,
        Version = config.Version,
        GainMicroUnitsPerCount = config.GainMicroUnitsPerCount,
        OffsetCounts = config.OffsetCounts,
        CalibratedUnixSeconds = config.CalibratedUnixSeconds,
        Technician = config.Technician,
    };
}
