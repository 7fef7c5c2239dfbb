namespace Aro.Core.Statistics;

/// <summary>
/// How many bootstrap resamples to draw and from which seed. Resample r (0-based) draws its case indices from
/// <c>SplitMix64.ForStream(Seed, r)</c> (src/Aro.Core/Randomness/SplitMix64.cs), so the same settings give the same
/// interval on every machine, and no resample depends on how many were drawn before it.
/// </summary>
/// <param name="Resamples">Resamples per interval; 2,000 by default (a percentile bound then moves by about 0.06
/// standard errors of the statistic from one seed to another).</param>
/// <param name="Seed">The seed of the resampling streams; 0 by default.</param>
/// <param name="MaxDegreeOfParallelism">Threads that draw resamples at once (-1: as many as there are cores). Each
/// resample has its own stream and its own slot, so the interval is the same for any value.</param>
public sealed record BootstrapSettings(
    int Resamples = BootstrapSettings.DefaultResamples,
    ulong Seed = BootstrapSettings.DefaultSeed,
    int MaxDegreeOfParallelism = -1)
{
    public const int DefaultResamples = 2000;

    public const ulong DefaultSeed = 0;

    /// <summary>2,000 resamples from seed 0: what every interval aro writes uses.</summary>
    public static BootstrapSettings Default { get; } = new();

    /// <summary>Rejects a resample count below 2 (no percentile to interpolate) and a parallelism of 0 or below -1.</summary>
    public void Validate()
    {
        if (Resamples < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Resamples), Resamples, "a bootstrap needs at least 2 resamples");
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "-1 (every core) or 1 or more");
        }
    }
}
