using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Jidoka.Bridge.TwinFeed.Web;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>The runbooks the web app shows are the operations guide's table, for every cause that trips.</summary>
public sealed class RunbookTests
{
    [Fact]
    public async Task Every_trip_cause_has_the_runbook_docs_operations_md_gives_it()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        List<RunbookView> served = await bridge.GetAsync<List<RunbookView>>("/api/v1/runbooks");

        // In step with the guide in the repository as it is now (not only with the copy embedded at build time).
        IReadOnlyList<RunbookView> fromDocs = RunbookSource.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "operations.md")));
        Assert.Equal(fromDocs, served);
        Assert.Equal(
            PolicyFile.RespondingRules.Select(TripRuleNames.Name).OrderBy(n => n, StringComparer.Ordinal),
            served.Select(r => r.Cause).OrderBy(n => n, StringComparer.Ordinal));
        RunbookView force = served.Single(r => r.Cause == "force-over-limit");
        Assert.StartsWith("look at the part and gripper", force.Action, StringComparison.Ordinal);
        Assert.All(served, r => Assert.False(string.IsNullOrWhiteSpace(r.Seen) || string.IsNullOrWhiteSpace(r.Action), r.Cause));
    }

    [Fact]
    public void A_guide_without_the_section_or_with_a_broken_row_is_refused_rather_than_shown_empty()
    {
        Assert.Throws<FormatException>(() => RunbookSource.Parse("# Operations\n\nno table here\n"));
        Assert.Throws<FormatException>(() => RunbookSource.Parse(RunbookSource.SectionHeading + "\n\n| `sensor-fault` | only two cells |\n"));
        IReadOnlyList<RunbookView> one = RunbookSource.Parse(RunbookSource.SectionHeading + "\n\n| cause | saw | do |\n| --- | --- | --- |\n| `vision-stale` | no score | check the link |\n\n## Next\n| `loop-overrun` | x | y |\n");
        Assert.Equal(new RunbookView { Cause = "vision-stale", Seen = "no score", Action = "check the link" }, Assert.Single(one));
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "host.sln")))
            {
                return d.FullName;
            }
        }

        throw new DirectoryNotFoundException("host.sln not found above " + AppContext.BaseDirectory);
    }
}
