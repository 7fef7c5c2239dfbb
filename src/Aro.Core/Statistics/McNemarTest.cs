namespace Aro.Core.Statistics;

/// <summary>
/// McNemar's exact test for two runs' correctness on the same cases: under "neither run is better", each of the
/// b + c discordant cases (b: only the baseline right, c: only the candidate right) is equally likely to fall either
/// way, so min(b, c) follows Binomial(b + c, 1/2), and the two-sided p-value is
/// <c>min(1, 2 P(X &lt;= min(b, c)))</c>. Cases both runs got right or wrong do not enter.
/// </summary>
public static class McNemarTest
{
    /// <summary>The exact two-sided p-value; 1 when there is no discordant case.</summary>
    public static double ExactPValue(int baselineOnly, int candidateOnly)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baselineOnly);
        ArgumentOutOfRangeException.ThrowIfNegative(candidateOnly);
        var n = checked(baselineOnly + candidateOnly);
        var k = Math.Min(baselineOnly, candidateOnly);
        if (2 * (long)k >= n)
        {
            // b = c (or no discordant case): the lower tail holds at least half the mass.
            return 1;
        }

        return Math.Min(1, 2 * SymmetricBinomial.LowerTail(k, n));
    }
}
