namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>Settings of the SQLite store (section "Storage" of appsettings).</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file; relative paths are taken from the working directory. Its folder is created.</summary>
    public string DataFile { get; set; } = "data/jidoka-bridge.db";

    /// <summary>
    /// True (the default) makes every commit reach the disk before it returns (SQLite synchronous=FULL),
    /// so an acknowledged event survives a power cut. False (synchronous=NORMAL) survives a process
    /// crash but may lose the last commits on power loss; faster on slow disks.
    /// </summary>
    public bool DurableCommits { get; set; } = true;
}
