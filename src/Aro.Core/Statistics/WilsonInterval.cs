namespace Aro.Core.Statistics;

/// <summary>
/// The Wilson score interval for a proportion <c>k/n</c> (Wilson, 1927): the set of true proportions p for which
/// <c>|k/n - p| &lt;= z * sqrt(p(1-p)/n)</c>. Unlike the normal-approximation interval it stays inside [0, 1] and
/// does not collapse to a point at 0/n or n/n, so a 5-case subset does not look certain. docs/statistics.md has the
/// formula and worked examples.
/// </summary>
public static class WilsonInterval
{
    /// <summary>The two-sided 95% normal quantile, the 0.975 quantile of N(0, 1).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The 95% interval for <paramref name="successes"/> out of <paramref name="trials"/>; null when there are no trials
    /// (no cases, no interval). Bounds are exactly 0 at 0/n and exactly 1 at n/n.
    /// </summary>
    public static ConfidenceInterval? Of(int successes, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return null;
        }

        // (k + z²/2) / (n + z²) ± z / (n + z²) * sqrt(k (n - k) / n + z²/4): the textbook form multiplied through by n,
        // which keeps k and n - k exact and makes the 0/n and n/n bounds come out of the same expression.
        const double zSquared = Z95 * Z95;
        double k = successes;
        double n = trials;
        var denominator = n + zSquared;
        var centre = (k + zSquared / 2) / denominator;
        var half = Z95 / denominator * Math.Sqrt(k * (n - k) / n + zSquared / 4);
        var lower = successes == 0 ? 0 : Math.Max(0, centre - half);
        var upper = successes == trials ? 1 : Math.Min(1, centre + half);
        return new ConfidenceInterval(lower, upper);
    }
}
