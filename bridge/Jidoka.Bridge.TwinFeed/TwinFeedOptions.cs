using System;
using System.Collections.Generic;
using System.Net;

namespace Jidoka.Bridge.TwinFeed;

/// <summary>Settings of the HTTP twin feed (section "Bridge:Http" of appsettings).</summary>
public sealed class TwinFeedOptions
{
    /// <summary>IP address to listen on; 0.0.0.0 every IPv4 interface, 127.0.0.1 this machine only ("localhost" means 127.0.0.1).</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>TCP port; 0 picks a free port at start (tests).</summary>
    public int Port { get; set; } = 8080;

    /// <summary>Seconds between keep-alive comments on an idle live stream (proxies close silent connections).</summary>
    public int StreamHeartbeatSeconds { get; set; } = 15;

    /// <summary>Messages one stream client may fall behind by before it is cut off with an "overflow" message.</summary>
    public int StreamQueueMessages { get; set; } = 10000;

    /// <summary>Stream messages kept for clients resuming with <c>Last-Event-ID</c> after a lost connection (0: no replay, they get a snapshot).</summary>
    public int StreamReplayMessages { get; set; } = 10000;

    /// <summary>How long a command request waits for the node's answer by default, ms (a request's waitMs overrides it).</summary>
    public int CommandWaitMs { get; set; } = 5000;

    /// <summary>
    /// People allowed to send commands, each with the SHA-256 of a bearer token and the commands they may
    /// send. Empty (the default): commands need no token and the operator id in the body is taken on trust.
    /// </summary>
    public List<Http.OperatorAccount> Operators { get; set; } = new();

    /// <summary>Largest <see cref="StreamReplayMessages"/>: about 1 KiB a message, so at most about 1 GiB held.</summary>
    public const int StreamReplayMessagesMax = 1_000_000;

    /// <summary>The address to bind.</summary>
    public IPAddress Address => string.Equals(ListenAddress, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.Parse(ListenAddress);

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        if (!string.Equals(ListenAddress, "localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(ListenAddress, out _))
        {
            throw new ArgumentException($"Bridge:Http:ListenAddress '{ListenAddress}' must be an IP address (0.0.0.0, 127.0.0.1, ::) or localhost.");
        }

        if (Port < 0 || Port > 65535)
        {
            throw new ArgumentException($"Bridge:Http:Port {Port} must be 0 (a free port) to 65535.");
        }

        if (StreamHeartbeatSeconds < 1 || StreamQueueMessages < 1 || CommandWaitMs < 0 || CommandWaitMs > CommandWaitMsMax)
        {
            throw new ArgumentException($"Bridge:Http:StreamHeartbeatSeconds and StreamQueueMessages must be at least 1, CommandWaitMs 0..{CommandWaitMsMax}.");
        }

        if (StreamReplayMessages < 0 || StreamReplayMessages > StreamReplayMessagesMax)
        {
            throw new ArgumentException($"Bridge:Http:StreamReplayMessages {StreamReplayMessages} must be 0 (no replay) to {StreamReplayMessagesMax}.");
        }

        if (Http.CommandAuthorizer.Check(Operators) is string problem)
        {
            throw new ArgumentException(problem);
        }
    }

    /// <summary>Longest wait for a node's answer one request may ask for, ms.</summary>
    public const int CommandWaitMsMax = 30000;
}
