using System;
using System.Threading.Tasks;
using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Storage.Sqlite;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// "verify-audit": checks the audit log of a data file and exits, so an operator can check a bridge's
/// evidence without starting it (the jidoka CLI will offer the same through the bridge).
/// </summary>
public static class AuditVerifyCommand
{
    /// <summary>Verifies the log in <paramref name="storage"/>'s data file; 0 when intact, 1 when not.</summary>
    public static async Task<int> RunAsync(SqliteStoreOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (!System.IO.File.Exists(storage.DataFile))
        {
            Console.Error.WriteLine($"No data file at {System.IO.Path.GetFullPath(storage.DataFile)}.");
            return 2;
        }

        await using var store = new SqliteBridgeStore(storage);
        await store.InitializeAsync(default).ConfigureAwait(false);
        AuditVerification result = await AuditVerifier.VerifyAsync(store, default).ConfigureAwait(false);
        Console.WriteLine($"{store.Location}: {result.RecordsChecked} audit records, head {result.HeadSeq} {result.HeadHash}");
        foreach (AuditFinding finding in result.Findings)
        {
            Console.WriteLine($"  record {finding.Seq}: {finding.Kind}: {finding.Message}");
        }

        Console.WriteLine(result.IsIntact ? "Audit log intact." : $"Audit log NOT intact: {result.Findings.Count} finding(s).");
        return result.IsIntact ? 0 : 1;
    }
}
