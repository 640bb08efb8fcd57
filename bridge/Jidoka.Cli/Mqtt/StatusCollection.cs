using System.Collections.Generic;

namespace Jidoka.Cli.Mqtt;

/// <summary>What listening to the status topics gave: the newest status per node and the messages that were not valid status.</summary>
/// <param name="Nodes">Newest status per node, by cell then node.</param>
/// <param name="Rejected">One line per message that failed to decode ("topic: reason (field)").</param>
public sealed record StatusCollection(IReadOnlyList<StatusSnapshot> Nodes, IReadOnlyList<string> Rejected);
