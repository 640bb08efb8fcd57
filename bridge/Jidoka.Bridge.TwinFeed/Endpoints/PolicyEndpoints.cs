using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TwinFeed.Http;
using Jidoka.Bridge.TwinFeed.Views;
using Jidoka.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jidoka.Bridge.TwinFeed.Endpoints;

/// <summary>GET /api/v1/policies/{policyId}: a policy version the bridge stored (the limits a case was judged by).</summary>
public static class PolicyEndpoints
{
    /// <summary>Maps the endpoint on <paramref name="api"/>.</summary>
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/policies/{policyId}", GetAsync)
            .WithName("GetPolicy")
            .WithSummary("One stored policy version: its limits and responses, who submitted it and when")
            .WithDescription("Only policies applied through this bridge are stored; a node's built-in policy is known by id and hash alone (404 unknown-policy).")
            .Produces<PolicyVersionView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetAsync(HttpRequest request, IBridgeStore store, string policyId, CancellationToken cancellationToken)
    {
        var q = new QueryReader(request.Query);
        if (!uint.TryParse(policyId, NumberStyles.None, CultureInfo.InvariantCulture, out uint id) || id < 1)
        {
            q.Fail("policyId", $"'{policyId}' is not a policy id (an integer, 1 or more).");
        }

        if (q.Problem is { } problem)
        {
            return problem;
        }

        PolicyVersionRecord? stored = await store.GetPolicyAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored == null)
        {
            return Problems.UnknownPolicy(id);
        }

        var policy = new PolicyRecord();
        policy.Read(stored.Encoded, 0);
        return TypedResults.Ok(new PolicyVersionView
        {
            PolicyId = stored.PolicyId,
            PolicyHash = ViewNames.Hash(stored.PolicyHash),
            CreatedBy = stored.CreatedBy,
            CreatedUnixUs = stored.CreatedUnixUs,
            Policy = PolicyFile.ToDocument(policy),
        });
    }
}
