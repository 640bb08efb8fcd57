using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.Storage.Sqlite;
using Jidoka.Bridge.TestKit;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>The audit log, written by a real bridge run, tampered with directly in the SQLite file.</summary>
public sealed class AuditTests
{
    private const string DropGuards = "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;";

    [Fact]
    public async Task An_untouched_log_verifies_and_the_bridge_cannot_change_it()
    {
        using var dir = new TempDir();
        string file = await WriteLogAsync(dir);
        AuditVerification result = await VerifyAsync(file);
        Assert.True(result.IsIntact, string.Join("; ", result.Findings));
        Assert.True(result.RecordsChecked >= 12);

        // The table refuses edits until someone removes its guards.
        Assert.Throws<SqliteException>(() => Db.Execute(file, "UPDATE audit SET details = 'x' WHERE seq = 3"));
        Assert.Throws<SqliteException>(() => Db.Execute(file, "DELETE FROM audit WHERE seq = 3"));
    }

    [Fact]
    public async Task An_edited_record_is_reported_exactly()
    {
        using var dir = new TempDir();
        string file = await WriteLogAsync(dir);
        Db.Execute(file, DropGuards + "UPDATE audit SET details = replace(details, 'type=near-miss', 'type=tare') WHERE seq = 5");

        AuditFinding finding = Assert.Single((await VerifyAsync(file)).Findings);
        Assert.Equal(5, finding.Seq);
        Assert.Equal(AuditFindingKind.Edited, finding.Kind);
    }

    [Fact]
    public async Task The_bridge_verify_audit_command_names_the_edited_record_and_fails()
    {
        using var dir = new TempDir();
        string file = await WriteLogAsync(dir);
        Db.Execute(file, DropGuards + "UPDATE audit SET actor = 'someone-else' WHERE seq = 7");

        var info = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { System.IO.Path.Combine(AppContext.BaseDirectory, "Jidoka.Bridge.dll"), "verify-audit", "--Bridge:Storage:DataFile", file })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("record 7: Edited", output, StringComparison.Ordinal);
        Assert.Contains("1 finding(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_record_is_reported_exactly()
    {
        using var dir = new TempDir();
        string file = await WriteLogAsync(dir);
        Db.Execute(file, DropGuards + "DELETE FROM audit WHERE seq = 6");

        AuditFinding finding = Assert.Single((await VerifyAsync(file)).Findings);
        Assert.Equal(6, finding.Seq);
        Assert.Equal(AuditFindingKind.Deleted, finding.Kind);
    }

    [Fact]
    public async Task A_deletion_hidden_by_renumbering_is_still_found_where_it_happened()
    {
        using var dir = new TempDir();
        string file = await WriteLogAsync(dir);
        Db.Execute(file, DropGuards + "DELETE FROM audit WHERE seq = 6; UPDATE audit SET seq = -seq WHERE seq > 6; UPDATE audit SET seq = -seq - 1 WHERE seq < 0;");

        IReadOnlyList<AuditFinding> findings = (await VerifyAsync(file)).Findings;
        Assert.Equal(6, findings[0].Seq);
        Assert.Equal(AuditFindingKind.Deleted, findings[0].Kind);
        Assert.All(findings, f => Assert.Equal(AuditFindingKind.Deleted, f.Kind));
    }

    [Fact]
    public async Task Two_swapped_records_are_reported_as_reordered_and_nothing_else()
    {
        using var dir = new TempDir();
        string file = await WriteLogAsync(dir);
        Db.Execute(file, DropGuards + "UPDATE audit SET seq = -1 WHERE seq = 4; UPDATE audit SET seq = 4 WHERE seq = 5; UPDATE audit SET seq = 5 WHERE seq = -1;");

        IReadOnlyList<AuditFinding> findings = (await VerifyAsync(file)).Findings;
        Assert.Equal(new long[] { 4, 5 }, findings.Select(f => f.Seq));
        Assert.All(findings, f => Assert.Equal(AuditFindingKind.Reordered, f.Kind));
    }

    [Fact]
    public async Task A_truncated_tail_is_reported_against_the_recorded_head()
    {
        using var dir = new TempDir();
        string file = await WriteLogAsync(dir);
        long last = Db.Scalar(file, "SELECT MAX(seq) FROM audit");
        Db.Execute(file, DropGuards + $"DELETE FROM audit WHERE seq = {last}");

        AuditFinding finding = Assert.Single((await VerifyAsync(file)).Findings);
        Assert.Equal(last, finding.Seq);
        Assert.Equal(AuditFindingKind.Deleted, finding.Kind);
    }

    [Fact]
    public async Task Starts_stops_events_and_commands_are_all_in_the_log()
    {
        using var dir = new TempDir();
        string file = await WriteLogAsync(dir);
        await using var store = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = file });
        await store.InitializeAsync(default);
        List<string> kinds = (await store.ReadAuditAsync(0, 1000, default)).Select(r => r.Entry.Kind).ToList();
        Assert.Equal(AuditKinds.BridgeStart, kinds[0]);
        Assert.Equal(AuditKinds.BridgeStop, kinds[^1]);
        Assert.Equal(10, kinds.Count(k => k == AuditKinds.Event));
        AuditRecord command = (await store.ReadAuditAsync(0, 1000, default)).Single(r => r.Entry.Kind == AuditKinds.Command);
        Assert.Equal("op-3", command.Entry.Actor);
        Assert.Contains("type=reset", command.Entry.Details, StringComparison.Ordinal);
    }

    // A real bridge run: start, ten events, a reset command (with its result), clean stop.
    private static async Task<string> WriteLogAsync(TempDir dir)
    {
        string file = dir.File("bridge.db");
        await using (TestBridge bridge = await TestBridge.StartAsync(file))
        {
            await using var node = new TestNode("cell-a", "press-06") { AnswerCommands = false };
            await node.ConnectAsync(bridge.Port);
            await node.PublishStatusAsync();
            for (ulong id = 1; id <= 10; id++)
            {
                await node.SendEventAsync(Messages.NearMiss("press-06", id, 1, id * 1000));
            }

            await Eventually.UntilAsync(() => node.UnackedCount == 0, "events acknowledged");
            await Eventually.UntilAsync(() => bridge.Runtime.Directory.TryGet("press-06", out NodeRecord n) && n.Online, "node online");
            Commands.CommandRequestResult sent = await bridge.Runtime.Commands.ResetAsync("press-06", "op-3", default);
            Assert.True(sent.IsSent, sent.Message);
        }

        return file;
    }

    private static async Task<AuditVerification> VerifyAsync(string file)
    {
        await using var store = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = file });
        await store.InitializeAsync(default);
        return await AuditVerifier.VerifyAsync(store, default);
    }
}
