using System.Collections.Generic;
using Jidoka.Hil.Measurements;

namespace Jidoka.Hil.RealTime;

/// <summary>
/// What a real-time run's operator commands observed. Only the command chain writes it, one command after
/// another; the run reads it after awaiting the chain, so no lock is needed.
/// </summary>
internal sealed class CommandStepResults
{
    /// <summary>Commands the bridge refused.</summary>
    public List<BridgeRefusal> Refusals { get; } = new();

    /// <summary>Observations for the run's notes.</summary>
    public List<string> Notes { get; } = new();

    /// <summary>The last command id used for a raw wire push (a range the bridge does not use).</summary>
    public uint LastWireCommandId { get; set; } = 0x4000_0000;

    /// <summary>Records <paramref name="refusal"/> unless the command was sent (null).</summary>
    public void Add(BridgeRefusal? refusal)
    {
        if (refusal != null)
        {
            Refusals.Add(refusal);
        }
    }

    /// <summary>Hands everything to the run's context.</summary>
    public void CopyTo(RunContext context)
    {
        foreach (BridgeRefusal r in Refusals)
        {
            context.AddRefusal(r.Reason, r.Message);
        }

        context.Notes.AddRange(Notes);
    }
}
