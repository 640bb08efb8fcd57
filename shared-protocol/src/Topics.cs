namespace Jidoka.Protocol
{
    /// <summary>
    /// MQTT topic names. Every topic lives under one versioned root, then cell and node:
    /// jidoka/v1/{cell}/{node}/{suffix}; the bridge's state is jidoka/v1/_host/{hostId}/state (cell ids
    /// cannot start with '_', so it never collides with a cell). An incompatible topic change moves the
    /// root to v2; v1 and v2 can then run side by side on one broker.
    /// </summary>
    public static class Topics
    {
        /// <summary>The versioned root.</summary>
        public const string Root = "jidoka/v1";

        /// <summary>The level that holds host (bridge) state topics.</summary>
        public const string HostLevel = "_host";

        private static readonly string[] Suffixes = { "", "frame", "event", "ack", "status", "cmd", "cmdres", "timereq", "timeresp", "state" };

        /// <summary>Last level of topics of <paramref name="kind"/>.</summary>
        public static string Suffix(TopicKind kind) => NameTable.Lookup(Suffixes, (int)kind);

        /// <summary>The topic of <paramref name="kind"/> for one node. Ids must be valid (see <see cref="Identifiers"/>).</summary>
        public static string ForNode(string cellId, string nodeId, TopicKind kind) =>
            Root + "/" + cellId + "/" + nodeId + "/" + Suffix(kind);

        /// <summary>A subscription filter for <paramref name="kind"/> from every node of every cell.</summary>
        public static string AllNodes(TopicKind kind) => Root + "/+/+/" + Suffix(kind);

        /// <summary>The retained state topic of bridge <paramref name="hostId"/>.</summary>
        public static string HostState(string hostId) => Root + "/" + HostLevel + "/" + hostId + "/" + Suffix(TopicKind.HostState);

        /// <summary>Recommended MQTT QoS for <paramref name="kind"/>; frames may be raised to 1 by configuration.</summary>
        public static int Qos(TopicKind kind) =>
            kind == TopicKind.Frame || kind == TopicKind.TimeRequest || kind == TopicKind.TimeResponse ? 0 : 1;

        /// <summary>True for the retained topics: node status and host state.</summary>
        public static bool Retained(TopicKind kind) => kind == TopicKind.Status || kind == TopicKind.HostState;

        /// <summary>
        /// Splits a topic into cell, node and kind. For host state, <paramref name="cellId"/> is "_host"
        /// and <paramref name="nodeId"/> the host id. False (kind None) for anything else, including ids
        /// that break the id rules.
        /// </summary>
        public static bool TryParse(string topic, out string cellId, out string nodeId, out TopicKind kind)
        {
            cellId = "";
            nodeId = "";
            kind = TopicKind.None;
            if (topic == null || !topic.StartsWith(Root + "/"))
            {
                return false;
            }

            string rest = topic.Substring(Root.Length + 1);
            int first = rest.IndexOf('/');
            int second = first < 0 ? -1 : rest.IndexOf('/', first + 1);
            if (second < 0 || rest.IndexOf('/', second + 1) >= 0)
            {
                return false;
            }

            string cell = rest.Substring(0, first);
            string node = rest.Substring(first + 1, second - first - 1);
            int suffix = NameTable.IndexOf(Suffixes, rest.Substring(second + 1));
            if (suffix <= 0 || !Identifiers.IsValidId(node))
            {
                return false;
            }

            bool isHost = cell == HostLevel;
            if (isHost != (suffix == (int)TopicKind.HostState) || (!isHost && !Identifiers.IsValidId(cell)))
            {
                return false;
            }

            cellId = cell;
            nodeId = node;
            kind = (TopicKind)suffix;
            return true;
        }
    }
}
