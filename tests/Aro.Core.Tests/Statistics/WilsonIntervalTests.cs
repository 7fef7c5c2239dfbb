using Aro.Core.Statistics;
using Xunit;

namespace Aro.Core.Tests.Statistics;

public sealed class WilsonIntervalTests
{
    private const double ZSquared = WilsonInterval.Z95 * WilsonInterval.Z95;

    [Fact]
    public void No_right_cases_give_0_to_z2_over_n_plus_z2()
    {
        // k = 0: the centre (z²/2)/(n + z²) and the half-width are equal, so the bounds are 0 and z²/(n + z²);
        // z² = 3.841458820694124..., so 0/10 -> 3.8414588/13.8414588 = 0.2775328.
        var interval = WilsonInterval.Of(0, 10)!.Value;
        Assert.Equal(0.0, interval.Lower);
        Assert.Equal(ZSquared / (10 + ZSquared), interval.Upper, 1e-15);
        Assert.Equal(0.2775328, interval.Upper, 1e-7);
    }

    [Fact]
    public void All_right_cases_give_n_over_n_plus_z2_to_1()
    {
        var interval = WilsonInterval.Of(10, 10)!.Value;
        Assert.Equal(10 / (10 + ZSquared), interval.Lower, 1e-15);
        Assert.Equal(0.7224672, interval.Lower, 1e-7);
        Assert.Equal(1.0, interval.Upper);
    }

    [Fact]
    public void Half_right_is_symmetric_about_one_half()
    {
        // 5/10: centre 1/2, half-width z sqrt(2.5 + z²/4) / (10 + z²) = 1.959964 * 1.860198 / 13.841459 = 0.2634069.
        var interval = WilsonInterval.Of(5, 10)!.Value;
        Assert.Equal(0.2365931, interval.Lower, 1e-7);
        Assert.Equal(0.7634069, interval.Upper, 1e-7);
        Assert.Equal(1.0, interval.Lower + interval.Upper, 1e-15);
    }

    [Fact]
    public void Matches_the_roots_of_the_wilson_quadratic_from_the_reference_script()
    {
        foreach (var record in StatisticsReference.Read("wilson.json").EnumerateArray())
        {
            var expected = StatisticsReference.Interval(record.GetProperty("interval"))!.Value;
            var actual = WilsonInterval.Of(record.GetProperty("k").GetInt32(), record.GetProperty("n").GetInt32())!.Value;
            Assert.Equal(expected.Lower, actual.Lower, 1e-12);
            Assert.Equal(expected.Upper, actual.Upper, 1e-12);
        }
    }

    [Fact]
    public void No_cases_give_no_interval_and_impossible_counts_are_refused()
    {
        Assert.Null(WilsonInterval.Of(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(11, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(-1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(0, -1));
    }
}
