namespace Aro.Core.Statistics;

/// <summary>A two-sided 95% interval <c>[Lower, Upper]</c> around an estimate.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper)
{
    /// <summary>Whether <paramref name="value"/> lies inside the interval, bounds included.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Whether 0 lies outside the interval: a difference that the resampling says is not noise.</summary>
    public bool ExcludesZero => !Contains(0);

    /// <summary>The bounds as <c>[lower, upper]</c> with <paramref name="format"/> (invariant culture).</summary>
    public string ToString(string format) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{Lower.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}, {Upper.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}]");
}
