// Mirrors: nanoFramework.M2Mqtt 5.1.218 (the package ships two assemblies, nanoFramework.M2Mqtt and
// nanoFramework.M2Mqtt.Core; both are mirrored here)
// Signatures read from nanoframework/nanoFramework.m2mqtt, tag v5.1.218: M2Mqtt/MqttClient.cs, M2Mqtt/MqttSettings.cs,
// nanoFramework.M2Mqtt.Core/IMqttClient.cs, Messages/MqttMsgPublishEventArgs.cs, Messages/MqttQoSLevel.cs,
// Messages/MqttReasonCode.cs, MqttSslProtocols.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
// Exactly the members the board apps call (Jidoka.BoardApps.Gate.Tests checks it); MqttClient keeps the
// package's interfaces, and IMqttClient only the delegate types the client's events use.
//
// 5.1.218 is the newest release whose dependencies match the rest of the pinned set
// (System.Net 1.11.54, Runtime.Events 1.11.37); 5.1.219 and later need System.Net 1.11.60.

using System;
using System.Collections;
using nanoFramework.M2Mqtt.Messages;
using System.Security.Cryptography.X509Certificates;

namespace nanoFramework.M2Mqtt
{
    /// <summary>The client contract (nanoFramework.M2Mqtt.Core); here only the event handler types it declares.</summary>
    public interface IMqttClient
    {
        /// <summary>Handler of <see cref="MqttClient.MqttMsgPublishReceived"/>.</summary>
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        /// <summary>Handler of <see cref="MqttClient.ConnectionClosed"/>.</summary>
        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);
    }

    /// <summary>An MQTT 3.1.1 / 5 client over TCP.</summary>
    public class MqttClient : IMqttClient, IDisposable
    {
        /// <summary>A client for <paramref name="brokerHostName"/>:<paramref name="brokerPort"/>; certificates may be null when <paramref name="secure"/> is false.</summary>
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate? caCert, X509Certificate? clientCert, MqttSslProtocols sslProtocol) => throw new NotImplementedException();

        /// <summary>A message arrived on a subscribed topic (raised on the client's dispatch thread).</summary>
        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        /// <summary>The connection closed (broker gone, keep-alive lost, socket error).</summary>
        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        /// <summary>True while the broker connection is up.</summary>
        public bool IsConnected => throw new NotImplementedException();

        /// <summary>Protocol version to connect with; set before Connect (the package also has a getter).</summary>
        public MqttProtocolVersion ProtocolVersion
        {
            set => throw new NotImplementedException();
        }

        /// <summary>Client-wide settings (timeouts, retries, in-flight queue size).</summary>
        public MqttSettings Settings => throw new NotImplementedException();

        /// <summary>Connects with a last will; returns the broker's reason code. Throws MqttConnectionException on a socket error.</summary>
        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) => throw new NotImplementedException();

        /// <summary>Subscribes; returns the message id.</summary>
        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw new NotImplementedException();

        /// <summary>Queues a publish; returns the message id. Throws when the in-flight queue is full.</summary>
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) => throw new NotImplementedException();

        /// <summary>Closes the socket without DISCONNECT (the broker then publishes the last will).</summary>
        public void Close() => throw new NotImplementedException();

        /// <summary>Closes the client.</summary>
        public void Dispose() => throw new NotImplementedException();
    }

    /// <summary>Client settings (the package keeps one instance for all clients).</summary>
    public class MqttSettings
    {
        internal MqttSettings() => throw new NotImplementedException();

        /// <summary>Most messages waiting in the in-flight queue; bounding it bounds the client's memory (the package also has a getter).</summary>
        public int InflightQueueSize
        {
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
        internal MqttMsgPublishEventArgs() => throw new NotImplementedException();

        /// <summary>Topic.</summary>
        public string Topic => throw new NotImplementedException();

        /// <summary>Payload.</summary>
        public byte[] Message => throw new NotImplementedException();
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

    /// <summary>CONNACK and other reason codes; only the ones the apps meet are mirrored, with the package's values.</summary>
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
    }
}
