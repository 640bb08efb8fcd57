using System.Collections.Generic;

namespace Jidoka.Cli.Mqtt;

/// <summary>What listening to the status topics gave: the newest status per node and the messages that were not valid status.</summary>
/// <param name="Nodes">Newest status per node, by cell then node.</param>
/// <param name="Rejected">Each message that was not a valid status: its topic and why.</param>
/// <param name="Hosts">The retained state of every bridge on the broker (jidoka/v1/_host/+/state), decoded, by host id.</param>
public sealed record StatusCollection(IReadOnlyList<StatusSnapshot> Nodes, IReadOnlyList<RejectedStatus> Rejected, IReadOnlyList<Jidoka.Protocol.HostStateMessage> Hosts);

/// <summary>A message on a status topic that is not a valid status.</summary>
/// <param name="Topic">Where it was published.</param>
/// <param name="Reason">Why it was refused ("MalformedText (json)").</param>
public sealed record RejectedStatus(string Topic, string Reason);
