using Aro.Core.Statistics;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Statistics;

public sealed class McNemarTestTests(ITestOutputHelper output)
{
    [Theory]
    // b = 1, c = 5: 2 (C(6,0) + C(6,1)) / 2^6 = 14/64.
    [InlineData(1, 5, 0.21875)]
    [InlineData(5, 1, 0.21875)]
    // b = 0, c = 5: 2 / 32.
    [InlineData(0, 5, 0.0625)]
    // b = 2, c = 10: 2 (1 + 12 + 66) / 4096 = 158/4096.
    [InlineData(2, 10, 0.03857421875)]
    // b = 7, c = 9: 2 (1 + 16 + 120 + 560 + 1820 + 4368 + 8008 + 11440) / 65536 = 52666/65536.
    [InlineData(7, 9, 0.803619384765625)]
    // b = 10, c = 0: 2 / 1024.
    [InlineData(10, 0, 0.001953125)]
    // No discordant pair, one, or as many each way: the tail holds half the mass or more, so p = 1.
    [InlineData(0, 0, 1.0)]
    [InlineData(0, 1, 1.0)]
    [InlineData(3, 3, 1.0)]
    public void Hand_computed_p_values(int b, int c, double expected) =>
        Assert.Equal(expected, McNemarTest.ExactPValue(b, c), 1e-14);

    [Fact]
    public void Matches_exact_rational_p_values_up_to_100000_discordant_pairs()
    {
        var worst = 0.0;
        foreach (var record in StatisticsReference.Read("mcnemar.json").EnumerateArray())
        {
            var b = record.GetProperty("b").GetInt32();
            var c = record.GetProperty("c").GetInt32();
            var expected = record.GetProperty("p").GetDouble();
            var actual = McNemarTest.ExactPValue(b, c);
            if (expected == 0)
            {
                // Below the smallest double: the exact value rounds to 0, and so must ours (or to a subnormal of it).
                Assert.True(actual < 1e-320, $"b={b}, c={c}: {actual:R}, expected 0");
                continue;
            }

            var relative = Math.Abs(actual - expected) / expected;
            output.WriteLine(FormattableString.Invariant($"b={b,6} c={c,6} p={expected:R} relative error {relative:E2}"));
            if (expected > 1e-300)
            {
                worst = Math.Max(worst, relative);
                Assert.True(relative <= 1e-12, FormattableString.Invariant($"b={b}, c={c}: {actual:R}, expected {expected:R} (relative error {relative:E2})"));
            }
            else
            {
                Assert.Equal(expected, actual, 1e-320);
            }
        }

        output.WriteLine(FormattableString.Invariant($"largest relative error {worst:E2}"));
    }

    [Fact]
    public void Is_symmetric_and_refuses_negative_counts()
    {
        Assert.Equal(McNemarTest.ExactPValue(123, 4567), McNemarTest.ExactPValue(4567, 123));
        Assert.Throws<ArgumentOutOfRangeException>(() => McNemarTest.ExactPValue(-1, 3));
    }
}
