using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Storage;

/// <summary>
/// Durable storage for everything the bridge keeps. One implementation per database (SQLite now,
/// PostgreSQL later); nothing database-specific crosses this interface. Writes are transactional
/// (<see cref="WriteAsync"/> commits a whole batch or nothing), reads may run concurrently with writes.
/// Implementations must be safe to call from several threads.
/// </summary>
public interface IBridgeStore : IAsyncDisposable
{
    /// <summary>Human-readable location of the data, for the start-up banner (a file path, a server name).</summary>
    string Location { get; }

    /// <summary>Creates or upgrades the schema. Call once before anything else.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes a batch in one transaction and returns once it is durable (committed). Frames and events
    /// that are already stored are skipped, never duplicated. Audit entries are chained in order.
    /// </summary>
    Task<WriteOutcome> WriteAsync(WriteBatch batch, CancellationToken cancellationToken);

    /// <summary>One node, or null when unknown.</summary>
    Task<NodeRecord?> GetNodeAsync(string nodeId, CancellationToken cancellationToken);

    /// <summary>Every known node, by id.</summary>
    Task<IReadOnlyList<NodeRecord>> ListNodesAsync(CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="eventIds"/> are already stored for <paramref name="nodeId"/>.</summary>
    Task<IReadOnlySet<ulong>> FindStoredEventIdsAsync(string nodeId, IReadOnlyCollection<ulong> eventIds, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="frameSequences"/> of one node and boot are already stored.</summary>
    Task<IReadOnlySet<uint>> FindStoredFrameSequencesAsync(string nodeId, uint bootId, IReadOnlyCollection<uint> frameSequences, CancellationToken cancellationToken);

    /// <summary>One event, or null.</summary>
    Task<EventRecord?> GetEventAsync(string nodeId, ulong eventId, CancellationToken cancellationToken);

    /// <summary>Events matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<EventRecord>> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Near-miss events of one node and boot whose node time lies in [<paramref name="fromMonoUs"/>,
    /// <paramref name="toMonoUs"/>] and that no case claims yet, oldest first.
    /// </summary>
    Task<IReadOnlyList<EventRecord>> FindUnlinkedNearMissesAsync(string nodeId, uint bootId, ulong fromMonoUs, ulong toMonoUs, CancellationToken cancellationToken);

    /// <summary>Frames matching <paramref name="query"/>, oldest first.</summary>
    Task<IReadOnlyList<FrameRecord>> QueryFramesAsync(FrameQuery query, CancellationToken cancellationToken);

    /// <summary>Samples of one node and boot whose node time lies in [<paramref name="fromMonoUs"/>, <paramref name="toMonoUs"/>], in time order.</summary>
    Task<IReadOnlyList<SampleRecord>> GetSamplesAsync(string nodeId, uint bootId, ulong fromMonoUs, ulong toMonoUs, CancellationToken cancellationToken);

    /// <summary>
    /// The earliest stored frame of one node and boot that starts at or after <paramref name="fromMonoUs"/>
    /// and has neither the tripped nor the degraded flag, or null.
    /// </summary>
    Task<FrameRecord?> FindFirstGoodFrameAsync(string nodeId, uint bootId, ulong fromMonoUs, CancellationToken cancellationToken);

    /// <summary>The stored frame of one node and boot whose first sample is the latest, or null (the twin's "last values").</summary>
    Task<FrameRecord?> GetLatestFrameAsync(string nodeId, uint bootId, CancellationToken cancellationToken);

    /// <summary>Whether a frame of this node and boot reaching at or past <paramref name="monoUs"/> is stored.</summary>
    Task<bool> HasFrameReachingAsync(string nodeId, uint bootId, ulong monoUs, CancellationToken cancellationToken);

    /// <summary>One case, or null.</summary>
    Task<CaseRecord?> GetCaseAsync(long caseId, CancellationToken cancellationToken);

    /// <summary>Cases matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<CaseRecord>> QueryCasesAsync(CaseQuery query, CancellationToken cancellationToken);

    /// <summary>Cases not yet recovered or whose window is not complete, oldest first: the work the case builder resumes after a restart.</summary>
    Task<IReadOnlyList<CaseRecord>> ListUnfinishedCasesAsync(CancellationToken cancellationToken);

    /// <summary>The latest case of each node (the case builder's memory of recent trips), keyed by node.</summary>
    Task<IReadOnlyList<CaseRecord>> ListLatestCasePerNodeAsync(CancellationToken cancellationToken);

    /// <summary>Highest case id stored, 0 when none.</summary>
    Task<long> GetMaxCaseIdAsync(CancellationToken cancellationToken);

    /// <summary>Near-miss events linked to a case, oldest first.</summary>
    Task<IReadOnlyList<EventRecord>> GetCaseNearMissesAsync(long caseId, CancellationToken cancellationToken);

    /// <summary>Audit records with sequence greater than <paramref name="afterSeq"/>, in sequence order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(long afterSeq, int max, CancellationToken cancellationToken);

    /// <summary>The head the store recorded with the last append, or null for an empty log.</summary>
    Task<AuditHead?> GetAuditHeadAsync(CancellationToken cancellationToken);

    /// <summary>One stored policy version, or null.</summary>
    Task<PolicyVersionRecord?> GetPolicyAsync(uint policyId, CancellationToken cancellationToken);

    /// <summary>Every stored policy version, by id.</summary>
    Task<IReadOnlyList<PolicyVersionRecord>> ListPoliciesAsync(CancellationToken cancellationToken);

    /// <summary>One stored calibration version, or null.</summary>
    Task<CalibrationVersionRecord?> GetCalibrationAsync(InputChannel channel, ushort calibrationId, ushort version, CancellationToken cancellationToken);

    /// <summary>One command, or null.</summary>
    Task<CommandRecord?> GetCommandAsync(uint commandId, CancellationToken cancellationToken);

    /// <summary>Commands, newest first, optionally for one node.</summary>
    Task<IReadOnlyList<CommandRecord>> QueryCommandsAsync(string? nodeId, int limit, CancellationToken cancellationToken);

    /// <summary>Highest command id stored, 0 when none.</summary>
    Task<uint> GetMaxCommandIdAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes frames that ended before <paramref name="cutoffUnixUs"/>, except frames inside any case's
    /// sample window (evidence is kept). Events, cases and the audit log are never purged.
    /// </summary>
    /// <returns>Frames deleted.</returns>
    Task<long> PurgeFramesBeforeAsync(long cutoffUnixUs, CancellationToken cancellationToken);
}
