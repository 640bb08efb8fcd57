using Jidoka.Hil.Measurements;
using Xunit;

namespace Jidoka.Hil.Tests;

/// <summary>Both modes name a bridge's refusal the same way, so one expectation checks either.</summary>
public sealed class RunContextTests
{
    [Theory]
    [InlineData("InvalidPolicy")]
    [InlineData("urn:jidoka:problem:invalid-policy")]
    public void A_refusal_is_named_in_problem_type_form_whichever_mode_recorded_it(string reason)
    {
        var context = new RunContext();
        context.AddRefusal(reason, "warning above limit");

        Assert.True(context.WasRefused("invalid-policy"));
        Assert.False(context.WasRefused("invalid"));
        Assert.False(context.WasRefused("node-offline"));
        Assert.Equal("invalid-policy: warning above limit", Assert.Single(context.BridgeRefusals));
    }

    [Fact]
    public void A_context_without_refusals_reports_none()
    {
        Assert.False(new RunContext().WasRefused("invalid-policy"));
    }
}
