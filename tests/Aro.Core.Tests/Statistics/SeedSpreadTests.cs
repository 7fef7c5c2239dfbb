using Aro.Core.Statistics;
using Xunit;

namespace Aro.Core.Tests.Statistics;

public sealed class SeedSpreadTests
{
    [Fact]
    public void Sample_standard_deviation_divides_by_n_minus_1()
    {
        // 0.5, 0.6, 0.7: mean 0.6, squared deviations 0.01 + 0 + 0.01, / (3 - 1) = 0.01, sqrt = 0.1.
        var spread = SeedSpread.Of([0.5, 0.6, 0.7]);
        Assert.Equal(3, spread.Count);
        Assert.Equal(0.6, spread.Mean, 1e-15);
        Assert.Equal(0.1, spread.StandardDeviation, 1e-15);
        Assert.Equal("0.6000 ± 0.1000 (3 seeds)", spread.ToString("F4"));
    }

    [Fact]
    public void Matches_numpy_std_with_ddof_1()
    {
        foreach (var record in StatisticsReference.Read("seeds.json").EnumerateArray())
        {
            var values = record.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var spread = SeedSpread.Of(values);
            Assert.Equal(values.Length, spread.Count);
            Assert.Equal(record.GetProperty("mean").GetDouble(), spread.Mean, 1e-12);
            Assert.Equal(record.GetProperty("std").GetDouble(), spread.StandardDeviation, 1e-12);
        }
    }

    [Fact]
    public void One_seed_has_no_spread_and_none_is_refused()
    {
        Assert.Equal(new SeedSpread(1, 0.8, 0), SeedSpread.Of([0.8]));
        Assert.Throws<ArgumentException>(() => SeedSpread.Of([]));
    }
}
