using System;
using System.Collections.Generic;
using Jidoka.Node.Hardware;

namespace Jidoka.Node.TestKit;

/// <summary>One message the node published, copied.</summary>
public sealed record Published(string Topic, byte[] Payload, int Qos, bool Retain);

/// <summary>An MQTT link in memory: records what is published while <see cref="Connected"/>; a new one is offline.</summary>
public sealed class FakeLink : IMqttLink
{
    public bool Connected;
    public uint Sessions;
    public bool RefusePublish;
    public readonly List<Published> Sent = new();
    public readonly List<string> Subscriptions = new();

    public bool IsConnected => Connected;

    public uint SessionCount => Sessions;

    public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
    {
        if (!Connected || RefusePublish)
        {
            return false;
        }

        byte[] copy = new byte[length];
        Array.Copy(payload, copy, length);
        lock (Sent)
        {
            Sent.Add(new Published(topic, copy, qos, retain));
        }

        return true;
    }

    public bool Subscribe(string topicFilter, int qos)
    {
        if (!Connected)
        {
            return false;
        }

        Subscriptions.Add(topicFilter);
        return true;
    }
}
