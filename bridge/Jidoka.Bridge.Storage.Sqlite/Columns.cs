namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>Column lists shared by the INSERT statements and the readers, so the two cannot drift apart.</summary>
internal static class Columns
{
    public const string Nodes =
        "node_id, cell_id, first_seen_us, last_seen_us, has_status, online, boot_id, has_frame_seq, last_frame_seq, firmware, board, " +
        "trip_state, trip_cause, response, trip_event_id, policy_id, policy_hash, staged_policy_id, force_cal_id, force_cal_version, " +
        "vision_cal_id, vision_cal_version, time_quality, time_uncertainty_us, last_clock_skew_us, clock_skew_suspect, last_status_json, " +
        "frames_received, frames_stored, frames_duplicate, frames_reordered, gaps_detected, frames_lost, frames_recovered, frames_historical, " +
        "events_stored, events_duplicate, events_replayed, reboots_detected, clock_skew_flags, messages_rejected";

    public const int NodesCount = 41;

    public const string Frames =
        "node_id, boot_id, frame_seq, flags, first_mono_us, sample_period_us, sample_count, wall_start_us, wall_source, time_quality, " +
        "time_uncertainty_us, policy_id, policy_hash, force_cal_id, force_cal_version, vision_cal_id, vision_cal_version, historical, received_us, samples";

    public const int FramesCount = 20;

    public const string Events =
        "node_id, event_id, type, boot_id, mono_us, wall_us, wall_source, time_quality, time_uncertainty_us, policy_id, policy_hash, " +
        "force_cal_id, force_cal_version, vision_cal_id, vision_cal_version, rule, response, channel, reason_code, observed_value, limit_value, " +
        "consecutive_samples, force_mn, vision_confidence, vision_age_ms, interlock_bits, sample_flags, detect_mono_us, latency_us, " +
        "related_event_id, argument, operator_id, historical, received_us, raw, case_id";

    public const int EventsCount = 36;

    public const string Cases =
        "case_id, node_id, cell_id, trip_event_id, boot_id, status, opened_us, rule, response, channel, reason_code, observed_value, limit_value, " +
        "consecutive_samples, force_mn, vision_confidence, vision_age_ms, interlock_bits, sample_flags, detect_mono_us, latency_us, " +
        "related_event_id, argument, operator_id, policy_id, policy_hash, force_cal_id, force_cal_version, vision_cal_id, vision_cal_version, " +
        "time_quality, time_uncertainty_us, trip_wall_us, trip_wall_source, historical, window_from_mono_us, window_to_mono_us, window_complete, " +
        "reset_event_id, reset_boot_id, reset_mono_us, reset_source, reset_by, time_to_reset_us, recovered_frame_seq, recovered_mono_us, " +
        "time_to_recover_quality_us, near_miss_count";

    public const int CasesCount = 48;

    public const string Commands =
        "command_id, node_id, type, operator_id, issued_us, argument, encoded, outcome, reason, detail, result_event_id, result_us";

    public const int CommandsCount = 12;

    public const string Audit = "seq, recorded_us, kind, node_id, actor, subject, details, prev_hash, hash";

    public const string Policies = "policy_id, policy_hash, encoded, created_by, created_us";

    public const string Calibrations = "channel, calibration_id, version, node_id, encoded, created_by, created_us";
}
