namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>
/// The schema, version 2. docs/storage.md describes every table and column; <see cref="SqliteMigrations"/>
/// upgrades older files. Version 2: a case row holds its trip event's key instead of a copy of the event.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Schema version this code writes and reads.</summary>
    public const int Version = 2;

    /// <summary>Creates every table, index and trigger that does not exist yet.</summary>
    public static readonly string Create = $"""
        CREATE TABLE IF NOT EXISTS schema_info (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS nodes (
            node_id TEXT PRIMARY KEY,
            cell_id TEXT NOT NULL,
            first_seen_us INTEGER NOT NULL,
            last_seen_us INTEGER NOT NULL,
            has_status INTEGER NOT NULL,
            online INTEGER NOT NULL,
            boot_id INTEGER NOT NULL,
            has_frame_seq INTEGER NOT NULL,
            last_frame_seq INTEGER NOT NULL,
            firmware TEXT NOT NULL,
            board TEXT NOT NULL,
            trip_state INTEGER NOT NULL,
            trip_cause INTEGER NOT NULL,
            response INTEGER NOT NULL,
            trip_event_id INTEGER NOT NULL,
            staged_policy_id INTEGER NOT NULL,
            {ProvenanceColumns.Definitions},
            last_clock_skew_us INTEGER NOT NULL,
            clock_skew_suspect INTEGER NOT NULL,
            last_status_json TEXT NOT NULL,
            frames_received INTEGER NOT NULL,
            frames_stored INTEGER NOT NULL,
            frames_duplicate INTEGER NOT NULL,
            frames_reordered INTEGER NOT NULL,
            gaps_detected INTEGER NOT NULL,
            frames_lost INTEGER NOT NULL,
            frames_recovered INTEGER NOT NULL,
            frames_historical INTEGER NOT NULL,
            events_stored INTEGER NOT NULL,
            events_duplicate INTEGER NOT NULL,
            events_replayed INTEGER NOT NULL,
            reboots_detected INTEGER NOT NULL,
            clock_skew_flags INTEGER NOT NULL,
            messages_rejected INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS node_rejects (
            node_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (node_id, reason)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS frames (
            node_id TEXT NOT NULL,
            boot_id INTEGER NOT NULL,
            frame_seq INTEGER NOT NULL,
            flags INTEGER NOT NULL,
            first_mono_us INTEGER NOT NULL,
            sample_period_us INTEGER NOT NULL,
            sample_count INTEGER NOT NULL,
            wall_start_us INTEGER NOT NULL,
            wall_source INTEGER NOT NULL,
            {ProvenanceColumns.Definitions},
            historical INTEGER NOT NULL,
            received_us INTEGER NOT NULL,
            samples BLOB NOT NULL,
            PRIMARY KEY (node_id, boot_id, frame_seq)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS frames_by_mono ON frames (node_id, boot_id, first_mono_us);
        CREATE INDEX IF NOT EXISTS frames_by_wall ON frames (node_id, wall_start_us);

        CREATE TABLE IF NOT EXISTS events (
            node_id TEXT NOT NULL,
            event_id INTEGER NOT NULL,
            type INTEGER NOT NULL,
            boot_id INTEGER NOT NULL,
            mono_us INTEGER NOT NULL,
            wall_us INTEGER NOT NULL,
            wall_source INTEGER NOT NULL,
            {ProvenanceColumns.Definitions},
            rule INTEGER NOT NULL,
            response INTEGER NOT NULL,
            channel INTEGER NOT NULL,
            reason_code INTEGER NOT NULL,
            observed_value INTEGER NOT NULL,
            limit_value INTEGER NOT NULL,
            consecutive_samples INTEGER NOT NULL,
            force_mn INTEGER NOT NULL,
            vision_confidence INTEGER NOT NULL,
            vision_age_ms INTEGER NOT NULL,
            interlock_bits INTEGER NOT NULL,
            sample_flags INTEGER NOT NULL,
            detect_mono_us INTEGER NOT NULL,
            latency_us INTEGER NOT NULL,
            related_event_id INTEGER NOT NULL,
            argument INTEGER NOT NULL,
            operator_id TEXT NOT NULL,
            historical INTEGER NOT NULL,
            received_us INTEGER NOT NULL,
            raw BLOB NOT NULL,
            case_id INTEGER,
            PRIMARY KEY (node_id, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS events_by_wall ON events (wall_us);
        CREATE INDEX IF NOT EXISTS events_by_node_type ON events (node_id, type, boot_id, mono_us);
        CREATE INDEX IF NOT EXISTS events_by_case ON events (case_id) WHERE case_id IS NOT NULL;

        {CasesTable("IF NOT EXISTS cases")}
        {CasesIndexes}

        CREATE TABLE IF NOT EXISTS policies (
            policy_id INTEGER PRIMARY KEY,
            policy_hash INTEGER NOT NULL,
            encoded BLOB NOT NULL,
            created_by TEXT NOT NULL,
            created_us INTEGER NOT NULL
        );

        CREATE TABLE IF NOT EXISTS calibrations (
            channel INTEGER NOT NULL,
            calibration_id INTEGER NOT NULL,
            version INTEGER NOT NULL,
            node_id TEXT NOT NULL,
            encoded BLOB NOT NULL,
            created_by TEXT NOT NULL,
            created_us INTEGER NOT NULL,
            PRIMARY KEY (channel, calibration_id, version)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS commands (
            command_id INTEGER PRIMARY KEY,
            node_id TEXT NOT NULL,
            type INTEGER NOT NULL,
            operator_id TEXT NOT NULL,
            issued_us INTEGER NOT NULL,
            argument INTEGER NOT NULL,
            encoded BLOB NOT NULL,
            outcome INTEGER NOT NULL,
            reason INTEGER NOT NULL,
            detail INTEGER NOT NULL,
            result_event_id INTEGER NOT NULL,
            result_us INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS commands_by_node ON commands (node_id, command_id);

        CREATE TABLE IF NOT EXISTS audit (
            seq INTEGER PRIMARY KEY,
            recorded_us INTEGER NOT NULL,
            kind TEXT NOT NULL,
            node_id TEXT NOT NULL,
            actor TEXT NOT NULL,
            subject TEXT NOT NULL,
            details TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS audit_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL
        );

        -- The audit log is append-only for the bridge. Anyone with the file can drop these triggers;
        -- that is what the hash chain and the verifier are for.
        CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """;

    /// <summary>CREATE TABLE of the cases table (version 2) under <paramref name="name"/>.</summary>
    public static string CasesTable(string name) => $"""
        CREATE TABLE {name} (
            case_id INTEGER PRIMARY KEY,
            node_id TEXT NOT NULL,
            cell_id TEXT NOT NULL,
            trip_event_id INTEGER NOT NULL,
            boot_id INTEGER NOT NULL,
            status INTEGER NOT NULL,
            opened_us INTEGER NOT NULL,
            trip_wall_us INTEGER NOT NULL,
            window_from_mono_us INTEGER NOT NULL,
            window_to_mono_us INTEGER NOT NULL,
            window_complete INTEGER NOT NULL,
            reset_event_id INTEGER NOT NULL,
            reset_boot_id INTEGER NOT NULL,
            reset_mono_us INTEGER NOT NULL,
            reset_source INTEGER NOT NULL,
            reset_by TEXT NOT NULL,
            time_to_reset_us INTEGER,
            recovered_frame_seq INTEGER NOT NULL,
            recovered_mono_us INTEGER NOT NULL,
            time_to_recover_quality_us INTEGER,
            near_miss_count INTEGER NOT NULL,
            UNIQUE (node_id, trip_event_id)
        );
        """;

    /// <summary>The cases table's indexes.</summary>
    public const string CasesIndexes = """
        CREATE INDEX IF NOT EXISTS cases_by_node ON cases (node_id, case_id);
        CREATE INDEX IF NOT EXISTS cases_by_wall ON cases (trip_wall_us);
        """;
}
