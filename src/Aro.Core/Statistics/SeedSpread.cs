namespace Aro.Core.Statistics;

/// <summary>
/// The mean and sample standard deviation of one metric across seeds, as seeds.csv states them
/// (src/Aro.Core/Results/SeedSummary.cs): the standard deviation divides by n - 1 (numpy's <c>ddof=1</c>), and is 0
/// for a single seed.
/// </summary>
/// <param name="Count">Seeds.</param>
/// <param name="Mean">The mean over seeds.</param>
/// <param name="StandardDeviation">The sample standard deviation (n - 1 in the denominator); 0 for one seed.</param>
public readonly record struct SeedSpread(int Count, double Mean, double StandardDeviation)
{
    /// <summary>The spread of <paramref name="values"/> (one per seed, at least one).</summary>
    public static SeedSpread Of(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("no seed values", nameof(values));
        }

        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        var mean = sum / values.Length;
        if (values.Length < 2)
        {
            return new SeedSpread(1, mean, 0);
        }

        // Two passes, as seeds.csv computes it: squared deviations from the mean, which loses nothing to cancellation.
        var squares = 0.0;
        foreach (var value in values)
        {
            squares += (value - mean) * (value - mean);
        }

        return new SeedSpread(values.Length, mean, Math.Sqrt(squares / (values.Length - 1)));
    }

    /// <summary><c>mean ± std (n seeds)</c> with <paramref name="format"/>, invariant culture.</summary>
    public string ToString(string format) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ± {StandardDeviation.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ({Count} seeds)");
}
