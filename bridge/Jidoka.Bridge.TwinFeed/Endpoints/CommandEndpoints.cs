using System;
using System.ComponentModel;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Commands;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TwinFeed.Http;
using Jidoka.Bridge.TwinFeed.Views;
using Jidoka.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Jidoka.Bridge.TwinFeed.Endpoints;

/// <summary>
/// POST /api/v1/nodes/{nodeId}/reset and /api/v1/nodes/{nodeId}/policy: commands through the bridge's
/// command service (checked, stored, audited, then published), answered with the node's result. With
/// Bridge:Http:Operators configured, a command needs a bearer token that names its operator (401/403 otherwise).
/// </summary>
public static class CommandEndpoints
{
    /// <summary>Largest request body read, bytes (a policy document is well under 2 KiB).</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>Maps the endpoints on <paramref name="api"/>.</summary>
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/nodes/{nodeId}/reset", ResetAsync)
            .WithName("ResetNode")
            .WithSummary("Asks a node to reset its latched trip on behalf of an operator")
            .WithDescription("The node resets only when the trip's cause has cleared; otherwise it refuses with reason cause-active (outcome 'rejected'). 200 with the node's answer, 202 with outcome 'pending' when none came within waitMs.")
            .Accepts<ResetRequest>("application/json")
            .WithCommandResponses();
        api.MapPost("/nodes/{nodeId}/policy", ApplyPolicyAsync)
            .WithName("ApplyPolicy")
            .WithSummary("Validates a policy, stores it as a policy version and pushes it to a node")
            .WithDescription("The policy is checked with PolicyRecord.Validate first (400 names the problem). A tripped node stages it until reset (outcome 'staged') unless changeover is true. A policy id already stored with other limits is refused (409): every change needs a new id.")
            .Accepts<PolicyApplyRequest>("application/json")
            .WithCommandResponses();
    }

    /// <summary>
    /// The answers every command endpoint can give: they all pass the same prologue (<see cref="ReadCommandAsync"/>)
    /// and answer through <see cref="AnswerAsync"/>, so they share one list.
    /// </summary>
    private static RouteHandlerBuilder WithCommandResponses(this RouteHandlerBuilder builder) => builder
        .Produces<CommandResultView>()
        .Produces<CommandResultView>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> ResetAsync(
        HttpRequest request,
        NodeCommandService commands,
        CommandAuthorizer authorizer,
        TwinFeedOptions options,
        string nodeId,
        [Description("How long to wait for the node's answer, ms (0..30000). Default 5000.")] string? waitMs,
        CancellationToken cancellationToken)
    {
        (CommandCall<ResetRequest>? call, IResult? problem) = await ReadCommandAsync<ResetRequest>(
            request, authorizer, options, nodeId, waitMs, CommandAuthorizer.Reset, "{\"operator\":\"op-7\"}", b => b.Operator, cancellationToken).ConfigureAwait(false);
        if (call == null)
        {
            return problem!;
        }

        CommandRequestResult sent = await commands.ResetAsync(nodeId, call.OperatorId, cancellationToken).ConfigureAwait(false);
        return await AnswerAsync(commands, sent, nodeId, CommandType.Reset, call.WaitMs, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> ApplyPolicyAsync(
        HttpRequest request,
        NodeCommandService commands,
        CommandAuthorizer authorizer,
        TwinFeedOptions options,
        string nodeId,
        [Description("How long to wait for the node's answer, ms (0..30000). Default 5000.")] string? waitMs,
        CancellationToken cancellationToken)
    {
        (CommandCall<PolicyApplyRequest>? call, IResult? problem) = await ReadCommandAsync<PolicyApplyRequest>(
            request, authorizer, options, nodeId, waitMs, CommandAuthorizer.Policy, "{\"operator\":\"eng-2\",\"changeover\":false,\"policy\":{...}}", b => b.Operator, cancellationToken).ConfigureAwait(false);
        if (call == null)
        {
            return problem!;
        }

        PolicyFileResult policy = PolicyFile.FromDocument(call.Body.Policy);
        if (!policy.IsValid)
        {
            return Problems.InvalidPolicy(policy);
        }

        CommandRequestResult sent = await commands.ApplyPolicyAsync(nodeId, policy.Policy!, call.OperatorId, call.Body.Changeover, cancellationToken).ConfigureAwait(false);
        return await AnswerAsync(commands, sent, nodeId, CommandType.ApplyPolicy, call.WaitMs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What every command request goes through before its own checks, in this order: the query (waitMs) and
    /// node id, the JSON body, then who sends it (<see cref="CommandAuthorizer"/>).
    /// </summary>
    private static async Task<(CommandCall<T>? Call, IResult? Problem)> ReadCommandAsync<T>(
        HttpRequest request,
        CommandAuthorizer authorizer,
        TwinFeedOptions options,
        string nodeId,
        string? waitMs,
        string command,
        string example,
        Func<T, string?> operatorOf,
        CancellationToken cancellationToken)
        where T : class
    {
        var q = new QueryReader(request.Query, "waitMs");
        int wait = q.Int("waitMs", waitMs, 0, TwinFeedOptions.CommandWaitMsMax, options.CommandWaitMs);
        CheckNodeId(q, nodeId);
        if (q.Problem is { } problem)
        {
            return (null, problem);
        }

        (T? body, IResult? bad) = await ReadBodyAsync<T>(request, example, cancellationToken).ConfigureAwait(false);
        if (body == null)
        {
            return (null, bad);
        }

        (string operatorId, IResult? denied) = authorizer.Authorize(request, command, operatorOf(body));
        return denied != null ? (null, denied) : (new CommandCall<T>(body, operatorId, wait), null);
    }

    private static void CheckNodeId(QueryReader q, string nodeId)
    {
        if (!Identifiers.IsValidId(nodeId))
        {
            q.Fail("nodeId", $"'{nodeId}' is not a node id (1-16 of a-z, 0-9, '-', '_').");
        }
    }

    private static async Task<IResult> AnswerAsync(NodeCommandService commands, CommandRequestResult sent, string nodeId, CommandType type, int waitMs, CancellationToken cancellationToken)
    {
        if (!sent.IsSent)
        {
            return Problems.CommandRefused(sent);
        }

        CommandResultUpdate? result = waitMs == 0
            ? null
            : await commands.WaitForResultAsync(sent.CommandId, TimeSpan.FromMilliseconds(waitMs), cancellationToken).ConfigureAwait(false);
        CommandResultView view = CommandViews.Result(sent.CommandId, nodeId, type, result, waitMs / 1000.0);
        return result == null ? TypedResults.Accepted((string?)null, view) : TypedResults.Ok(view);
    }

    private static async Task<(T? Body, IResult? Problem)> ReadBodyAsync<T>(HttpRequest request, string example, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return (null, Problems.BadBody($"The body is larger than {MaxBodyBytes} bytes."));
        }

        IHttpMaxRequestBodySizeFeature? limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            T? body = await JsonSerializer.DeserializeAsync<T>(request.Body, PolicyFile.StrictOptions, cancellationToken).ConfigureAwait(false);
            return body == null ? (null, Problems.BadBody($"The body must be a JSON object such as {example}.")) : (body, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadBody($"The body must be a JSON object such as {example}: {ex.Message}"));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, Problems.BadBody(ex.Message));
        }
    }

    /// <summary>A command request that passed the common checks: its body, the operator to send it as, and how long to wait.</summary>
    private sealed record CommandCall<T>(T Body, string OperatorId, int WaitMs);
}
