using System.Collections.Generic;
using Jidoka.Bridge.Storage;

namespace Jidoka.Bridge.Ingest;

/// <summary>
/// What one committed batch changed, for live consumers (a twin feed's event stream): the events newly
/// stored, the cases opened or updated, and the nodes whose state changed. Raised after the commit.
/// </summary>
/// <param name="Events">Events newly stored, in arrival order.</param>
/// <param name="Cases">Cases opened or updated.</param>
/// <param name="Nodes">Node states written.</param>
public sealed record BatchCommitted(IReadOnlyList<EventRecord> Events, IReadOnlyList<CaseRecord> Cases, IReadOnlyList<NodeRecord> Nodes);
