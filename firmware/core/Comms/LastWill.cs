using Jidoka.Protocol;

namespace Jidoka.Node.Comms
{
    /// <summary>
    /// The MQTT last will a board gives its client when it connects: the offline form of the retained
    /// status, {"v":1,"cell":…,"node":…,"online":false}, on the status topic, QoS 1, retained. The broker
    /// publishes it when the node vanishes, so a technician's dashboard shows the node offline.
    /// </summary>
    public static class LastWill
    {
        /// <summary>QoS of the last will.</summary>
        public const int Qos = 1;

        /// <summary>The last will is retained, replacing the node's online status.</summary>
        public const bool Retain = true;

        /// <summary>The status topic the will is published on.</summary>
        public static string Topic(string cellId, string nodeId) => Topics.ForNode(cellId, nodeId, TopicKind.Status);

        /// <summary>The will payload as bytes (exact length).</summary>
        public static byte[] Payload(string cellId, string nodeId)
        {
            StatusMessage offline = new StatusMessage();
            offline.CellId = cellId;
            offline.NodeId = nodeId;
            offline.Online = false;
            byte[] buffer = new byte[ProtocolLimits.MaxMessageBytes];
            EncodeResult result = offline.TryEncode(buffer, 0);
            Invariant.Require(result.IsWritten, "last will encodes");
            byte[] payload = new byte[result.BytesWritten];
            System.Array.Copy(buffer, payload, payload.Length);
            return payload;
        }

        /// <summary>The will payload as text, for clients (M2Mqtt) whose connect call takes a string.</summary>
        public static string PayloadText(string cellId, string nodeId)
        {
            byte[] payload = Payload(cellId, nodeId);
            char[] chars = new char[payload.Length];
            for (int i = 0; i < payload.Length; i++)
            {
                chars[i] = (char)payload[i];
            }

            return new string(chars);
        }
    }
}
