namespace Aro.Core.Statistics;

/// <summary>
/// Probabilities of Binomial(n, 1/2) in double precision with a relative error near machine precision for any n,
/// which sums of <c>lgamma</c> differences cannot give: for n = 100,000 the log-gammas are about 10^6 and their
/// difference loses ten digits. This is why the p-value is not taken from a general incomplete-beta routine.
/// </summary>
/// <remarks>
/// The probability of one k follows Loader's saddle-point form ("Fast and accurate computation of binomial
/// probabilities", 2000): <c>C(n,k) 2^-n = sqrt(n / (2 pi k (n-k))) exp(e(n) - e(k) - e(n-k) - D(k, n/2) - D(n-k, n/2))</c>,
/// where e(m) = ln m! - ln(sqrt(2 pi m) (m/e)^m) is the Stirling-series remainder and
/// D(x, M) = x ln(x/M) + M - x the deviance term, each computed without cancellation. A lower tail then sums
/// downward from k with the exact ratio <c>P(i-1)/P(i) = i/(n-i+1)</c> until the terms no longer change the sum.
/// </remarks>
internal static class SymmetricBinomial
{
    private const double LnSqrt2Pi = 0.918938533204672741780329736406;
    private const double Ln2Pi = 1.837877066409345483560659472811;

    /// <summary>P(X &lt;= k) for X ~ Binomial(n, 1/2), 0 &lt;= k &lt; n/2 (the tail below the centre, where the terms fall).</summary>
    public static double LowerTail(int k, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (2 * (long)k >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "the tail sum runs below the centre only");
        }

        var term = Probability(k, n);
        var sum = term;
        var compensation = 0.0;
        for (var i = k; i > 0; i--)
        {
            term = term * i / (n - i + 1);
            if (term <= sum * 1e-18)
            {
                break;
            }

            // Neumaier's compensated sum: the terms are all positive and fall, but there can be thousands of them.
            var next = sum + term;
            compensation += sum - next + term;
            sum = next;
        }

        return sum + compensation;
    }

    /// <summary>P(X = k) for X ~ Binomial(n, 1/2).</summary>
    public static double Probability(int k, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        if (k == 0 || k == n)
        {
            // 2^-n, exact (0 once it falls below the smallest double).
            return Math.ScaleB(1.0, -n);
        }

        var half = n / 2.0;
        var exponent = StirlingRemainder(n) - StirlingRemainder(k) - StirlingRemainder(n - k) - Deviance(k, half) - Deviance(n - k, half);
        // ln((n - k) / n) from one correctly rounded quotient: its absolute error (what the exponent feels) stays near 1e-16.
        var logScale = Ln2Pi + Math.Log(k) + Math.Log((double)(n - k) / n);
        return Math.Exp(exponent - 0.5 * logScale);
    }

    /// <summary>e(m) = ln m! - (m + 1/2) ln m + m - ln sqrt(2 pi), for m &gt;= 1.</summary>
    internal static double StirlingRemainder(int m)
    {
        if (m <= 15)
        {
            // Directly: m! is exact in a double here, and the result (about 1/(12 m)) keeps an absolute error near 1e-14.
            var factorial = 1.0;
            for (var i = 2; i <= m; i++)
            {
                factorial *= i;
            }

            return Math.Log(factorial) - (m + 0.5) * Math.Log(m) + m - LnSqrt2Pi;
        }

        // The Stirling series 1/(12m) - 1/(360m^3) + 1/(1260m^5) - 1/(1680m^7) + 1/(1188m^9), cut where the next
        // term is below 1e-17 of the value.
        const double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188;
        double x = m;
        var xx = x * x;
        return m switch
        {
            > 500 => (s0 - s1 / xx) / x,
            > 80 => (s0 - (s1 - s2 / xx) / xx) / x,
            > 35 => (s0 - (s1 - (s2 - s3 / xx) / xx) / xx) / x,
            _ => (s0 - (s1 - (s2 - (s3 - s4 / xx) / xx) / xx) / xx) / x,
        };
    }

    /// <summary>D(x, M) = x ln(x / M) + M - x, by its series in v = (x - M) / (x + M) when x is near M.</summary>
    internal static double Deviance(double x, double mean)
    {
        if (Math.Abs(x - mean) < 0.1 * (x + mean))
        {
            // x ln(x/M) + M - x = (x - M) v + 2 x (v^3/3 + v^5/5 + ...), summed until a term no longer changes it.
            var v = (x - mean) / (x + mean);
            var sum = (x - mean) * v;
            var power = 2 * x * v;
            var vv = v * v;
            for (var j = 1; j < 1000; j++)
            {
                power *= vv;
                var next = sum + power / (2 * j + 1);
                if (next == sum)
                {
                    return next;
                }

                sum = next;
            }

            return sum;
        }

        return x * Math.Log(x / mean) + mean - x;
    }
}
