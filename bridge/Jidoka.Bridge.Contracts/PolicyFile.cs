using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Contracts;

/// <summary>
/// Reads the policy file format (<see cref="PolicyDocument"/>) into a protocol <see cref="PolicyRecord"/>
/// and checks it with PolicyRecord.Validate, the same check the bridge and the node run. Used by the
/// jidoka CLI before it sends anything and by the bridge for request bodies.
/// </summary>
public static class PolicyFile
{
    /// <summary>
    /// The rules that trip, in the order a policy stores their response classes; force-near-miss never
    /// trips, so it has none.
    /// </summary>
    public static IReadOnlyList<TripRule> RespondingRules { get; } = new[]
    {
        TripRule.ForceOverLimit, TripRule.VisionLowConfidence, TripRule.VisionStale, TripRule.InterlockOpen,
        TripRule.ChannelDiscrepancy, TripRule.SensorFault, TripRule.LoopOverrun,
    };

    /// <summary>
    /// Strict reading: comments and trailing commas are fine in a hand-written file, a member this
    /// format does not have is an error (a typo must not silently fall back to nothing).
    /// </summary>
    public static JsonSerializerOptions StrictOptions { get; } = new(TwinJson.Create())
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads a policy file's text.</summary>
    public static PolicyFileResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        PolicyDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<PolicyDocument>(json, StrictOptions);
        }
        catch (JsonException ex)
        {
            return PolicyFileResult.Fail(PolicyFileError.NotJson, "not a valid policy document: " + JsonErrorText.Describe(ex));
        }

        return FromDocument(document);
    }

    /// <summary>Converts and checks a deserialized document.</summary>
    public static PolicyFileResult FromDocument(PolicyDocument? document)
    {
        if (document == null)
        {
            return PolicyFileResult.Fail(PolicyFileError.MissingField, "the policy is missing (null).");
        }

        if (document.RetiredForceOverLimitSamples is not null)
        {
            return Retired("forceOverLimitSamples", "forceOverLimitMs");
        }

        if (document.RetiredForceStuckSamples is not null)
        {
            return Retired("forceStuckSamples", "forceStuckMs");
        }

        var missing = new List<string>();
        T Need<T>(T? value, string name)
            where T : struct
        {
            if (value is null)
            {
                missing.Add(name);
                return default;
            }

            return value.Value;
        }

        var policy = new PolicyRecord
        {
            PolicyId = Need(document.PolicyId, "policyId"),
            ForceLimitMilliNewtons = Need(document.ForceLimitMilliNewtons, "forceLimitMilliNewtons"),
            ForceWarnMilliNewtons = Need(document.ForceWarnMilliNewtons, "forceWarnMilliNewtons"),
            ForceOverLimitMs = Need(document.ForceOverLimitMs, "forceOverLimitMs"),
            ForceRangeMinMilliNewtons = Need(document.ForceRangeMinMilliNewtons, "forceRangeMinMilliNewtons"),
            ForceRangeMaxMilliNewtons = Need(document.ForceRangeMaxMilliNewtons, "forceRangeMaxMilliNewtons"),
            ForceStuckMs = Need(document.ForceStuckMs, "forceStuckMs"),
            VisionMinConfidence = Need(document.VisionMinConfidence, "visionMinConfidence"),
            VisionMaxAgeMs = Need(document.VisionMaxAgeMs, "visionMaxAgeMs"),
            InterlockDebounceMs = Need(document.InterlockDebounceMs, "interlockDebounceMs"),
            DiscrepancyMs = Need(document.DiscrepancyMs, "discrepancyMs"),
            LoopPeriodUs = Need(document.LoopPeriodUs, "loopPeriodUs"),
            LoopDeadlineUs = Need(document.LoopDeadlineUs, "loopDeadlineUs"),
        };
        if (document.Responses == null)
        {
            missing.Add("responses");
        }

        if (missing.Count > 0)
        {
            return PolicyFileResult.Fail(PolicyFileError.MissingField, "missing " + string.Join(", ", missing) + ".");
        }

        PolicyFileResult? responseError = ReadResponses(document.Responses!, policy);
        if (responseError != null)
        {
            return responseError;
        }

        PolicyProblem problem = policy.Validate();
        return problem == PolicyProblem.None
            ? new PolicyFileResult(policy, PolicyFileError.None, PolicyProblem.None, $"policy {policy.PolicyId} is valid (hash {policy.ComputeHash():x8}).")
            : new PolicyFileResult(null, PolicyFileError.InvalidPolicy, problem, $"invalid policy: {PolicyProblemNames.Name(problem)} ({PolicyProblemText.Describe(problem)}).");
    }

    /// <summary>The document form of <paramref name="policy"/> (to write a file from a stored policy).</summary>
    public static PolicyDocument ToDocument(PolicyRecord policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new PolicyDocument
        {
            PolicyId = policy.PolicyId,
            ForceLimitMilliNewtons = policy.ForceLimitMilliNewtons,
            ForceWarnMilliNewtons = policy.ForceWarnMilliNewtons,
            ForceOverLimitMs = policy.ForceOverLimitMs,
            ForceRangeMinMilliNewtons = policy.ForceRangeMinMilliNewtons,
            ForceRangeMaxMilliNewtons = policy.ForceRangeMaxMilliNewtons,
            ForceStuckMs = policy.ForceStuckMs,
            VisionMinConfidence = policy.VisionMinConfidence,
            VisionMaxAgeMs = policy.VisionMaxAgeMs,
            InterlockDebounceMs = policy.InterlockDebounceMs,
            DiscrepancyMs = policy.DiscrepancyMs,
            LoopPeriodUs = policy.LoopPeriodUs,
            LoopDeadlineUs = policy.LoopDeadlineUs,
            Responses = RespondingRules.ToDictionary(TripRuleNames.Name, r => ResponseClassNames.Name(policy.ResponseFor(r)), StringComparer.Ordinal),
        };
    }

    private static PolicyFileResult Retired(string oldName, string newName) => PolicyFileResult.Fail(
        PolicyFileError.RetiredField,
        $"{oldName} is no longer read: give the window in milliseconds as {newName} (samples mean a different time at each loop period).");

    private static PolicyFileResult? ReadResponses(IReadOnlyDictionary<string, string> responses, PolicyRecord policy)
    {
        foreach (KeyValuePair<string, string> pair in responses)
        {
            if (!TripRuleNames.TryParse(pair.Key, out TripRule rule) || !RespondingRules.Contains(rule))
            {
                return PolicyFileResult.Fail(
                    PolicyFileError.UnknownRule,
                    $"responses: '{pair.Key}' is not a rule that trips (one of {string.Join(", ", RespondingRules.Select(TripRuleNames.Name))}).");
            }

            if (pair.Value == null || !ResponseClassNames.TryParse(pair.Value, out ResponseClass response) || response == ResponseClass.None)
            {
                return PolicyFileResult.Fail(
                    PolicyFileError.UnknownResponse,
                    $"responses.{pair.Key}: '{pair.Value}' is not a response class (pause, regrip, reinspect, recalibrate, maintenance).");
            }

            policy.SetResponse(rule, response);
        }

        string[] without = RespondingRules.Where(r => !responses.ContainsKey(TripRuleNames.Name(r))).Select(TripRuleNames.Name).ToArray();
        return without.Length == 0
            ? null
            : PolicyFileResult.Fail(PolicyFileError.MissingResponse, "responses: no response class for " + string.Join(", ", without) + ".");
    }
}
