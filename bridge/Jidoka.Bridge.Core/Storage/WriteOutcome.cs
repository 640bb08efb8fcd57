using System.Collections.Generic;

namespace Jidoka.Bridge.Storage;

/// <summary>What a committed write did.</summary>
/// <param name="FramesInserted">Frames newly stored.</param>
/// <param name="FramesAlreadyStored">Frames skipped because the store already held them (same node, boot and sequence).</param>
/// <param name="EventsInserted">Events newly stored.</param>
/// <param name="EventsAlreadyStored">Events skipped because the store already held them.</param>
/// <param name="LastAuditSeq">Sequence of the last audit entry after the write, 0 when the log is empty.</param>
public sealed record WriteOutcome(int FramesInserted, IReadOnlyList<FrameRecord> FramesAlreadyStored, int EventsInserted, int EventsAlreadyStored, long LastAuditSeq);
