namespace Aro.Core.Statistics;

/// <summary>
/// Quantiles by linear interpolation between order statistics (Hyndman and Fan's type 7): numpy's default,
/// <c>np.quantile(values, q)</c> with <c>method="linear"</c>, computed the way numpy 1.24 computes it, so the
/// Python reference (scripts/make_stats_reference.py) agrees to the last bits.
/// </summary>
public static class Percentiles
{
    /// <summary>The 2.5% and 97.5% quantiles of <paramref name="values"/>, which are sorted in place.</summary>
    public static ConfidenceInterval Central95(Span<double> values)
    {
        values.Sort();
        return new ConfidenceInterval(Quantile(values, 0.025), Quantile(values, 0.975));
    }

    /// <summary>
    /// The <paramref name="q"/> quantile of the ascending <paramref name="sorted"/>: with n values, the virtual index
    /// <c>h = n q + (1 - q) - 1</c> (that is, (n - 1) q), then <c>v[floor h]</c> moved toward <c>v[floor h + 1]</c>
    /// by the fraction <c>h - floor h</c>.
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("no values", nameof(sorted));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        var n = sorted.Length;
        var virtualIndex = n * q + (1 - q) - 1;
        var previous = Math.Floor(virtualIndex);
        var gamma = virtualIndex - previous;
        var below = (int)Math.Clamp(previous, 0, n - 1);
        var above = (int)Math.Clamp(previous + 1, 0, n - 1);
        var a = sorted[below];
        var b = sorted[above];
        var difference = b - a;

        // numpy's _lerp: from the nearer end, so a fraction of exactly 1 gives b and not a + (b - a).
        return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma;
    }
}
