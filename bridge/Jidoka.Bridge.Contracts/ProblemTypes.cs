namespace Jidoka.Bridge.Contracts;

/// <summary>
/// The "type" of every problem-details (RFC 9457) answer the twin feed gives, so a client can act on
/// the kind of error without parsing the message.
/// </summary>
public static class ProblemTypes
{
    /// <summary>A query parameter is malformed, out of range or unknown (400).</summary>
    public const string BadQuery = "urn:jidoka:problem:bad-query";

    /// <summary>The request body is missing, not JSON, or not the expected shape (400).</summary>
    public const string BadBody = "urn:jidoka:problem:bad-body";

    /// <summary>The node is unknown to the bridge (404).</summary>
    public const string UnknownNode = "urn:jidoka:problem:unknown-node";

    /// <summary>The case does not exist (404).</summary>
    public const string UnknownCase = "urn:jidoka:problem:unknown-case";

    /// <summary>The bridge holds no policy with this id (404): it was never applied through this bridge.</summary>
    public const string UnknownPolicy = "urn:jidoka:problem:unknown-policy";

    /// <summary>The node is offline, so the command was not sent (409).</summary>
    public const string NodeOffline = "urn:jidoka:problem:node-offline";

    /// <summary>The operator id is missing (400).</summary>
    public const string MissingOperator = "urn:jidoka:problem:missing-operator";

    /// <summary>The operator id breaks the id rules (400).</summary>
    public const string InvalidOperator = "urn:jidoka:problem:invalid-operator";

    /// <summary>The policy failed validation; the "problem" member names the PolicyProblem (400).</summary>
    public const string InvalidPolicy = "urn:jidoka:problem:invalid-policy";

    /// <summary>Another policy with the same id is stored; a change needs a new id (409).</summary>
    public const string PolicyIdConflict = "urn:jidoka:problem:policy-id-conflict";

    /// <summary>The bridge is not connected to its MQTT broker (503).</summary>
    public const string NotConnected = "urn:jidoka:problem:not-connected";

    /// <summary>401: commands need an operator token and none (or an unknown one) was given.</summary>
    public const string Unauthenticated = "urn:jidoka:problem:unauthenticated";

    /// <summary>403: the token's operator may not send this command, or the body names another operator.</summary>
    public const string Forbidden = "urn:jidoka:problem:forbidden";
}
