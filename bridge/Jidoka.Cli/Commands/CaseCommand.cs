using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Cli.Bridge;
using Jidoka.Cli.Output;

namespace Jidoka.Cli.Commands;

/// <summary>jidoka case &lt;id&gt;: one case with its decision record and a text plot of force and confidence around the trip.</summary>
public static class CaseCommand
{
    /// <summary>Plot width in columns.</summary>
    public const int PlotWidth = 60;

    /// <summary>Plot height in rows.</summary>
    public const int PlotHeight = 8;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = new Argument<long>("id") { Description = "The case id (jidoka cases lists them)." };
        var command = new Command("case", "One case: its decision record, reset and recovery, and a text plot of force and vision confidence around the trip.") { id };
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse, parse.GetValue(id), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, long id, CancellationToken cancellationToken)
    {
        if (id < 1)
        {
            throw new CliError(ExitCodes.Usage, "the case id must be 1 or more.");
        }

        using BridgeClient client = context.Client(parse);
        CaseDetailView c = await client.GetAsync<CaseDetailView>("api/v1/cases/" + id.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        if (parse.GetValue(context.Json))
        {
            await context.WriteJsonAsync(c).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        Write(context.Out, c);
        return ExitCodes.Ok;
    }

    /// <summary>Writes the case for people.</summary>
    public static void Write(TextWriter o, CaseDetailView c)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(c);
        CaseSummaryView s = c.Summary;
        DecisionRecordView d = c.Decision;
        ProvenanceView p = c.Provenance;
        o.WriteLine($"Case {s.CaseId}: {s.NodeId} (cell {s.CellId}), {s.Status}");
        o.WriteLine($"Trip        event {s.TripEventId}, boot {s.BootId}, detected {Format.Wall(s.TripWallUnixUs)} ({p.WallSource}, {Format.TimeQuality(p.TimeQuality, p.TimeUncertaintyUs)})");
        o.WriteLine($"Cause       {d.Rule} -> response {d.Response} (channel {d.Channel}, reason code {d.ReasonCode})");
        o.WriteLine($"Evidence    observed {Value(d, d.ObservedValue)} against limit {Value(d, d.LimitValue)}, held {d.ConsecutiveSamples} sample(s)");
        o.WriteLine($"Inputs      force {Format.Force(d.ForceMilliNewtons)}, confidence {Format.Confidence(d.VisionConfidence)} (age {d.VisionAgeMs} ms), interlocks 0x{d.InterlockBits:x2}, flags 0x{d.SampleFlags:x2}");
        o.WriteLine($"Safe state  stop output de-energized {Format.Duration((double)d.LatencyUs)} after detection");
        o.WriteLine($"Policy      {p.PolicyId} ({p.PolicyHash}); calibrations force {p.ForceCalibration}, vision {p.VisionCalibration}");
        o.WriteLine(c.Reset == null
            ? "Reset       not yet"
            : $"Reset       by {(c.Reset.By.Length == 0 ? "(no operator)" : c.Reset.By)} ({c.Reset.Source}), {Format.Duration(s.TimeToResetUs)} after detection, event {c.Reset.EventId}");
        o.WriteLine(c.Recovery == null
            ? "Recovered   not yet"
            : $"Recovered   first good frame {c.Recovery.FrameSequence}, {Format.Duration(s.TimeToRecoverQualityUs)} after detection");
        o.WriteLine($"Near-misses {c.NearMisses.Count} linked" + (c.NearMisses.Count == 0 ? "" : ": " + string.Join(", ", c.NearMisses.Select(n => $"event {n.EventId} peak {Format.Force(n.Record.ObservedValue)}"))));
        double before = Seconds((long)c.Window.FromMonoUs - (long)c.Window.DetectMonoUs);
        double after = Seconds((long)c.Window.ToMonoUs - (long)c.Window.DetectMonoUs);
        o.WriteLine($"Window      {before:0.###} s .. +{after:0.###} s around detection, {c.Window.Samples.Count} sample(s), {(c.Window.Complete ? "complete" : "still filling (frames after it have not arrived)")}");
        if (c.Window.Samples.Count == 0)
        {
            o.WriteLine("(no samples stored in the window: nothing to plot)");
            return;
        }

        (double X, double Y)[] force = c.Window.Samples.Select(x => (Seconds((long)x.MonoUs - (long)c.Window.DetectMonoUs), x.ForceMilliNewtons / 1000.0)).ToArray();
        (double X, double Y)[] confidence = c.Window.Samples.Select(x => (Seconds((long)x.MonoUs - (long)c.Window.DetectMonoUs), x.VisionConfidence / 100.0)).ToArray();
        o.WriteLine();
        o.WriteLine("Force, N" + (d.Rule == "force-over-limit" ? $" (limit {Value(d, d.LimitValue)} as ---)" : ""));
        foreach (string line in TextPlot.Render(force, before, after, PlotWidth, PlotHeight, d.Rule == "force-over-limit" ? d.LimitValue / 1000.0 : null, 0, "N"))
        {
            o.WriteLine(line);
        }

        o.WriteLine();
        o.WriteLine("Vision confidence, %" + (d.Rule == "vision-low-confidence" ? $" (threshold {Value(d, d.LimitValue)} as ---)" : ""));
        foreach (string line in TextPlot.Render(confidence, before, after, PlotWidth, PlotHeight, d.Rule == "vision-low-confidence" ? d.LimitValue / 100.0 : null, 0, "%"))
        {
            o.WriteLine(line);
        }
    }

    private static double Seconds(long us) => us / 1_000_000.0;

    private static string Value(DecisionRecordView d, long value) => (d.Rule, d.Channel) switch
    {
        ("vision-stale", _) => value.ToString(CultureInfo.InvariantCulture) + " ms",
        ("loop-overrun", _) => value.ToString(CultureInfo.InvariantCulture) + " µs",
        (_, "force") => Format.Force(value),
        (_, "vision") => Format.Confidence(value),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };
}
