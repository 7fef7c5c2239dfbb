using Aro.Core.Statistics;
using Xunit;

namespace Aro.Core.Tests.Statistics;

/// <summary>numpy's default (linear, type 7) quantile, by hand: h = (n - 1) q, then interpolate between v[floor h] and the next.</summary>
public sealed class PercentilesTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 4.0)]
    [InlineData(0.5, 2.5)]    // h = 1.5
    [InlineData(0.25, 1.75)]  // h = 0.75
    [InlineData(0.9, 3.7)]    // h = 2.7
    public void Interpolates_between_order_statistics(double q, double expected) =>
        Assert.Equal(expected, Percentiles.Quantile([1.0, 2.0, 3.0, 4.0], q), 1e-15);

    [Fact]
    public void Central_95_of_2000_values_sits_at_indices_49_975_and_1949_025()
    {
        // Values 0, 1, ..., 1999 shuffled: h = 1999 * 0.025 = 49.975 and 1999 * 0.975 = 1949.025.
        var values = Enumerable.Range(0, 2000).Select(i => (double)(i * 7919 % 2000)).ToArray();
        var interval = Percentiles.Central95(values);
        Assert.Equal(49.975, interval.Lower, 1e-12);
        Assert.Equal(1949.025, interval.Upper, 1e-12);
        Assert.True(values.SequenceEqual(values.Order()), "Central95 sorts its values in place");
    }

    [Fact]
    public void A_single_value_is_every_quantile_and_no_value_is_refused()
    {
        Assert.Equal(0.3, Percentiles.Quantile([0.3], 0.025));
        Assert.Equal(0.3, Percentiles.Quantile([0.3], 0.975));
        Assert.Throws<ArgumentException>(() => Percentiles.Quantile([], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Quantile([1.0], 1.5));
    }
}
