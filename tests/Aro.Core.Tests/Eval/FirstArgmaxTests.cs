using Aro.Core.Metrics;
using Aro.Core.Results;
using Xunit;

namespace Aro.Core.Tests.Eval;

public sealed class FirstArgmaxTests
{
    [Theory]
    // scores, expected index
    [InlineData(new[] { 0.1, 0.2 }, 1)]
    [InlineData(new[] { 0.3, 0.2 }, 0)]
    [InlineData(new[] { 0.2, 0.2 }, 0)] // VG tie: option 0 (false caption) wins, counted wrong
    [InlineData(new[] { 0.5, 0.1, 0.5, 0.2, 0.5 }, 0)] // Order tie with the original: counted right
    [InlineData(new[] { 0.1, 0.7, 0.7, 0.2, 0.3 }, 1)]
    [InlineData(new[] { -0.4, -0.1, -0.3 }, 1)]
    public void Returns_the_first_maximum(double[] scores, int expected)
    {
        Assert.Equal(expected, FirstArgmax.Of(scores));
    }

    [Fact]
    public void A_tie_counts_wrong_on_vg_and_right_on_order()
    {
        var vg = new CaseResult(0, "vg-relation-000000", "on", 1, FirstArgmax.Of([0.25, 0.25]), [0.25, 0.25]);
        var order = new CaseResult(0, "coco-order-000000", "coco-order", 0, FirstArgmax.Of([0.25, 0.25, 0.1, 0.2, 0.0]), [0.25, 0.25, 0.1, 0.2, 0.0]);

        Assert.False(vg.Correct);
        Assert.True(order.Correct);
    }
}
