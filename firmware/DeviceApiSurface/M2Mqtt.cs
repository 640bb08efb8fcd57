// Mirrors: nanoFramework.M2Mqtt 5.1.218 (the package ships two assemblies, nanoFramework.M2Mqtt and
// nanoFramework.M2Mqtt.Core; both are mirrored here)
// Signatures read from nanoframework/nanoFramework.m2mqtt, tag v5.1.218: M2Mqtt/MqttClient.cs, M2Mqtt/MqttSettings.cs,
// nanoFramework.M2Mqtt.Core/IMqttClient.cs, Messages/MqttMsgPublishEventArgs.cs, Messages/MqttQoSLevel.cs,
// Messages/MqttReasonCode.cs, MqttSslProtocols.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
//
// 5.1.218 is the newest release whose dependencies match the rest of the pinned set
// (System.Net 1.11.54, Runtime.Events 1.11.37); 5.1.219 and later need System.Net 1.11.60.

using System;
using System.Collections;
using nanoFramework.M2Mqtt.Messages;
using System.Security.Cryptography.X509Certificates;

namespace nanoFramework.M2Mqtt
{
    /// <summary>The client contract (nanoFramework.M2Mqtt.Core); only the members the apps use.</summary>
    public interface IMqttClient
    {
        /// <summary>True while the broker connection is up.</summary>
        bool IsConnected { get; }

        /// <summary>Handler of <see cref="MqttMsgPublishReceived"/>.</summary>
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        /// <summary>Handler of <see cref="ConnectionClosed"/>.</summary>
        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        /// <summary>A message arrived on a subscribed topic (raised on the client's own thread).</summary>
        event MqttMsgPublishEventHandler MqttMsgPublishReceived;

        /// <summary>The connection closed.</summary>
        event ConnectionClosedEventHandler ConnectionClosed;

        /// <summary>Connects with a last will; returns the broker's reason code.</summary>
        MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod);

        /// <summary>Sends DISCONNECT (the broker does not publish the will).</summary>
        void Disconnect();

        /// <summary>Subscribes; returns the message id.</summary>
        ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels);

        /// <summary>Publishes; returns the message id.</summary>
        ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain);

        /// <summary>Closes the socket without DISCONNECT.</summary>
        void Close();
    }

    /// <summary>An MQTT 3.1.1 / 5 client over TCP.</summary>
    public class MqttClient : IMqttClient, IDisposable
    {
        /// <summary>A client for <paramref name="brokerHostName"/> on port 1883, no TLS.</summary>
        public MqttClient(string brokerHostName) => throw new NotImplementedException();

        /// <summary>A client for <paramref name="brokerHostName"/>:<paramref name="brokerPort"/>; certificates may be null when <paramref name="secure"/> is false.</summary>
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate? caCert, X509Certificate? clientCert, MqttSslProtocols sslProtocol) => throw new NotImplementedException();

        /// <inheritdoc/>
        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        /// <inheritdoc/>
        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        /// <inheritdoc/>
        public bool IsConnected => throw new NotImplementedException();

        /// <summary>Protocol version to connect with; set before <see cref="Connect(string, string, string, bool, MqttQoSLevel, bool, string, string, bool, ushort)"/>.</summary>
        public MqttProtocolVersion ProtocolVersion
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Client-wide settings (timeouts, retries, in-flight queue size).</summary>
        public MqttSettings Settings => throw new NotImplementedException();

        /// <inheritdoc/>
        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) => throw new NotImplementedException();

        /// <inheritdoc/>
        public void Disconnect() => throw new NotImplementedException();

        /// <inheritdoc/>
        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw new NotImplementedException();

        /// <inheritdoc/>
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) => throw new NotImplementedException();

        /// <inheritdoc/>
        public void Close() => throw new NotImplementedException();

        /// <summary>Closes the client.</summary>
        public void Dispose() => throw new NotImplementedException();
    }

    /// <summary>Client settings.</summary>
    public class MqttSettings
    {
        /// <summary>Default MQTT port.</summary>
        public const int BrokerDefaultPort = 1883;

        internal MqttSettings() => throw new NotImplementedException();

        /// <summary>Most messages waiting in the in-flight queue; bounding it bounds the client's memory.</summary>
        public int InflightQueueSize
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }
    }

    /// <summary>TLS versions.</summary>
    public enum MqttSslProtocols
    {
        /// <summary>Plain TCP.</summary>
        None,

        /// <summary>SSL 3.</summary>
        SSLv3,

        /// <summary>TLS 1.0.</summary>
        TLSv1_0,

        /// <summary>TLS 1.1.</summary>
        TLSv1_1,

        /// <summary>TLS 1.2.</summary>
        TLSv1_2,

        /// <summary>TLS 1.3.</summary>
        TLSv1_3,
    }

    /// <summary>MQTT protocol versions.</summary>
    public enum MqttProtocolVersion
    {
        /// <summary>3.1.</summary>
        Version_3_1 = 0x03,

        /// <summary>3.1.1.</summary>
        Version_3_1_1 = 0x04,

        /// <summary>5.0.</summary>
        Version_5 = 0x05,
    }
}

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>A received PUBLISH.</summary>
    public class MqttMsgPublishEventArgs : EventArgs
    {
        /// <summary>Not callable: the surface has no behaviour.</summary>
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain) => throw new NotImplementedException();

        /// <summary>Topic.</summary>
        public string Topic => throw new NotImplementedException();

        /// <summary>Payload.</summary>
        public byte[] Message => throw new NotImplementedException();

        /// <summary>Redelivery flag.</summary>
        public bool DupFlag => throw new NotImplementedException();

        /// <summary>QoS it was delivered with.</summary>
        public MqttQoSLevel QosLevel => throw new NotImplementedException();

        /// <summary>Retained flag.</summary>
        public bool Retain => throw new NotImplementedException();
    }

    /// <summary>Quality of service.</summary>
    public enum MqttQoSLevel
    {
        /// <summary>QoS 0.</summary>
        AtMostOnce = 0x00,

        /// <summary>QoS 1.</summary>
        AtLeastOnce = 0x01,

        /// <summary>QoS 2.</summary>
        ExactlyOnce = 0x02,

        /// <summary>Subscription refused.</summary>
        GrantedFailure = 0x80,
    }

    /// <summary>CONNACK and other reason codes; only the ones the apps test for are mirrored, with the package's values.</summary>
    public enum MqttReasonCode
    {
        /// <summary>Connected.</summary>
        Success = 0x00,

        /// <summary>3.1.1: protocol version refused.</summary>
        ConnectionRefusedUnacceptableProtocolVersion = 0x01,

        /// <summary>3.1.1: client id refused.</summary>
        ConnectionRefusedIdentifierRejected = 0x02,

        /// <summary>3.1.1: server unavailable.</summary>
        ConnectionRefusedServerUnavailable = 0x03,

        /// <summary>3.1.1: bad user name or password.</summary>
        ConnectionRefusedBadUserNameOrPassword = 0x04,

        /// <summary>3.1.1: not authorized.</summary>
        ConnectionRefusedNotAuthorized = 0x05,

        /// <summary>5: unspecified error.</summary>
        UnspecifiedError = 0x80,

        /// <summary>5: not authorized.</summary>
        NotAuthorized = 0x87,

        /// <summary>5: server unavailable.</summary>
        ServerUnavailable = 0x88,
    }
}
