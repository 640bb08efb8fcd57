using System.Collections.Generic;
using Jidoka.Bridge.Commands;
using Jidoka.Bridge.Contracts;
using Microsoft.AspNetCore.Http;

namespace Jidoka.Bridge.TwinFeed.Http;

/// <summary>Problem-details (RFC 9457) answers of the twin feed, each with a <see cref="ProblemTypes"/> type.</summary>
public static class Problems
{
    /// <summary>400: a query or path parameter is malformed, out of range or not one this endpoint takes.</summary>
    public static IResult BadQuery(string parameter, string detail) =>
        Create(StatusCodes.Status400BadRequest, ProblemTypes.BadQuery, "Bad query parameter", detail, new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>400: the request body is missing or not the expected JSON.</summary>
    public static IResult BadBody(string detail) =>
        Create(StatusCodes.Status400BadRequest, ProblemTypes.BadBody, "Bad request body", detail);

    /// <summary>404: the node is unknown.</summary>
    public static IResult UnknownNode(string nodeId) =>
        Create(StatusCodes.Status404NotFound, ProblemTypes.UnknownNode, "Unknown node", $"Node '{nodeId}' is unknown to this bridge.", new Dictionary<string, object?> { ["nodeId"] = nodeId });

    /// <summary>404: the case does not exist.</summary>
    public static IResult UnknownCase(long caseId) =>
        Create(StatusCodes.Status404NotFound, ProblemTypes.UnknownCase, "Unknown case", $"There is no case {caseId}.", new Dictionary<string, object?> { ["caseId"] = caseId });

    /// <summary>404: the bridge holds no policy of that id (only policies applied through it are stored).</summary>
    public static IResult UnknownPolicy(uint policyId) =>
        Create(StatusCodes.Status404NotFound, ProblemTypes.UnknownPolicy, "Unknown policy", $"This bridge holds no policy {policyId}: only policies applied through it are stored.", new Dictionary<string, object?> { ["policyId"] = policyId });

    /// <summary>400: the policy in the body is not valid; "problem" names the PolicyProblem when validation failed.</summary>
    public static IResult InvalidPolicy(PolicyFileResult result)
    {
        System.ArgumentNullException.ThrowIfNull(result);
        return Create(
            StatusCodes.Status400BadRequest,
            ProblemTypes.InvalidPolicy,
            "Invalid policy",
            "policy: " + result.Message,
            new Dictionary<string, object?> { ["problem"] = result.Error == PolicyFileError.InvalidPolicy ? result.ProblemName : null });
    }

    /// <summary>401: the command needs an operator token (RFC 6750 bearer).</summary>
    public static IResult Unauthenticated(string detail) =>
        new BearerChallenge(Create(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated, "Operator token needed", detail));

    /// <summary>403: the token's operator may not send this command.</summary>
    public static IResult Forbidden(string detail) =>
        Create(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Not allowed", detail);

    /// <summary>The answer to a command the bridge refused to send.</summary>
    public static IResult CommandRefused(CommandRequestResult refusal)
    {
        System.ArgumentNullException.ThrowIfNull(refusal);
        (int status, string type, string title) = refusal.Error switch
        {
            CommandRequestError.UnknownNode => (StatusCodes.Status404NotFound, ProblemTypes.UnknownNode, "Unknown node"),
            CommandRequestError.NodeOffline => (StatusCodes.Status409Conflict, ProblemTypes.NodeOffline, "Node offline"),
            CommandRequestError.MissingOperator => (StatusCodes.Status400BadRequest, ProblemTypes.MissingOperator, "Missing operator"),
            CommandRequestError.InvalidOperator => (StatusCodes.Status400BadRequest, ProblemTypes.InvalidOperator, "Invalid operator"),
            CommandRequestError.InvalidPolicy => (StatusCodes.Status400BadRequest, ProblemTypes.InvalidPolicy, "Invalid policy"),
            CommandRequestError.PolicyIdConflict => (StatusCodes.Status409Conflict, ProblemTypes.PolicyIdConflict, "Policy id conflict"),
            CommandRequestError.NotConnected => (StatusCodes.Status503ServiceUnavailable, ProblemTypes.NotConnected, "Bridge not connected"),
            _ => (StatusCodes.Status400BadRequest, ProblemTypes.BadBody, "Command refused"),
        };
        var extensions = new Dictionary<string, object?>();
        if (refusal.Error == CommandRequestError.InvalidPolicy)
        {
            extensions["problem"] = Jidoka.Protocol.PolicyProblemNames.Name((Jidoka.Protocol.PolicyProblem)refusal.Detail);
        }

        return Create(status, type, title, refusal.Message, extensions);
    }

    private static IResult Create(int status, string type, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type, extensions: extensions);

    /// <summary>A problem answer with the WWW-Authenticate header a 401 must carry.</summary>
    private sealed class BearerChallenge : IResult
    {
        private readonly IResult _problem;

        public BearerChallenge(IResult problem) => _problem = problem;

        public System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext)
        {
            System.ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"jidoka-bridge\"";
            return _problem.ExecuteAsync(httpContext);
        }
    }
}
