using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TwinFeed.Http;
using Jidoka.Bridge.TwinFeed.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jidoka.Bridge.TwinFeed.Endpoints;

/// <summary>GET /api/v1/audit/verify.</summary>
public static class AuditEndpoints
{
    /// <summary>Maps the endpoint on <paramref name="api"/>.</summary>
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/audit/verify", VerifyAsync)
            .WithName("VerifyAudit")
            .WithSummary("Verifies the hash-chained audit log")
            .WithDescription("Reads the whole log and reports every record that was edited, deleted or moved, and the head (sequence and hash) to anchor outside the bridge. Intact or not, the answer is 200; see 'intact'.")
            .Produces<AuditVerificationView>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> VerifyAsync(HttpRequest request, IBridgeStore store, CancellationToken cancellationToken)
    {
        var q = new QueryReader(request.Query);
        if (q.Problem is { } problem)
        {
            return problem;
        }

        AuditVerification result = await AuditVerifier.VerifyAsync(store, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(AuditViews.Verification(result));
    }
}
