using System.Buffers;
using System.Collections.Concurrent;
using Aro.Core.Randomness;

namespace Aro.Core.Statistics;

/// <summary>
/// Seeded bootstrap 95% percentile intervals for one run's micro and macro accuracy (docs/statistics.md).
/// </summary>
/// <remarks>
/// Resampling draws case indices with replacement; a case's correctness is all that matters to an accuracy, so
/// within a pool of n cases of which k are right, the cases are taken in a canonical order — the k right ones
/// first — and a drawn index j is a right case exactly when <c>j &lt; k</c>. The interval therefore depends only on
/// the counts a results folder keeps (summary.csv, groups.csv), not on the order cases were written in.
/// <list type="bullet">
/// <item>Micro: resample r draws n indices <c>NextInt(n)</c> from <c>SplitMix64.ForStream(seed, r)</c> over all cases;
/// its accuracy is hits / n.</item>
/// <item>Macro (stratified): resample r walks the included groups in ordinal order of their key and draws, from the
/// same kind of stream, <c>NextInt(n_g)</c> n_g times per group, so every group keeps its size (and the filter that
/// depends on group sizes keeps the same groups); its macro accuracy is the mean over included groups of
/// hits_g / n_g. Excluded groups draw nothing.</item>
/// </list>
/// The interval is the 2.5% and 97.5% quantiles of the resampled values (<see cref="Percentiles"/>).
/// </remarks>
public static class Bootstrap
{
    /// <summary>The interval for the micro accuracy of <paramref name="correct"/> right out of <paramref name="samples"/>; null without cases.</summary>
    public static ConfidenceInterval? Micro(int correct, int samples, BootstrapSettings settings)
    {
        settings.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        ArgumentOutOfRangeException.ThrowIfNegative(correct);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(correct, samples);
        if (samples == 0)
        {
            return null;
        }

        return Resample(settings, random =>
        {
            var hits = 0;
            for (var i = 0; i < samples; i++)
            {
                if (random.NextInt(samples) < correct)
                {
                    hits++;
                }
            }

            return (double)hits / samples;
        });
    }

    /// <summary>The interval for the macro accuracy over the included <paramref name="groups"/>; null when none is included.</summary>
    public static ConfidenceInterval? Macro(IReadOnlyList<Stratum> groups, BootstrapSettings settings)
    {
        settings.Validate();
        var included = IncludedInOrder(groups);
        if (included.Length == 0)
        {
            return null;
        }

        return Resample(settings, random =>
        {
            var sum = 0.0;
            foreach (var group in included)
            {
                var hits = 0;
                for (var i = 0; i < group.Count; i++)
                {
                    if (random.NextInt(group.Count) < group.Correct)
                    {
                        hits++;
                    }
                }

                sum += (double)hits / group.Count;
            }

            return sum / included.Length;
        });
    }

    /// <summary>
    /// Draws <see cref="BootstrapSettings.Resamples"/> values, resample r from <c>SplitMix64.ForStream(seed, r)</c>,
    /// and returns their central 95% interval. Resamples are independent streams written to their own slots, so
    /// they are drawn on several threads (a VG-sized interval is about 50 million draws) with the same result.
    /// </summary>
    internal static ConfidenceInterval Resample(BootstrapSettings settings, Func<SplitMix64, double> statistic)
    {
        var buffer = ArrayPool<double>.Shared.Rent(settings.Resamples);
        try
        {
            var resamples = settings.Resamples;
            var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism };
            var chunk = Math.Max(1, resamples / (4 * Environment.ProcessorCount));
            Parallel.ForEach(Partitioner.Create(0, resamples, chunk), options, range =>
            {
                for (var r = range.Item1; r < range.Item2; r++)
                {
                    buffer[r] = statistic(SplitMix64.ForStream(settings.Seed, (ulong)r));
                }
            });

            return Percentiles.Central95(buffer.AsSpan(0, resamples));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static Stratum[] IncludedInOrder(IReadOnlyList<Stratum> groups)
    {
        var included = groups.Where(g => g.Included).ToArray();
        foreach (var group in included)
        {
            if (group.Count < 1 || group.Correct < 0 || group.Correct > group.Count)
            {
                throw new ArgumentException(FormattableString.Invariant(
                    $"group '{group.Group}': {group.Correct} right out of {group.Count} is not a count of cases"), nameof(groups));
            }
        }

        Array.Sort(included, (a, b) => string.CompareOrdinal(a.Group, b.Group));
        for (var i = 1; i < included.Length; i++)
        {
            if (included[i].Group == included[i - 1].Group)
            {
                throw new ArgumentException($"group '{included[i].Group}' appears twice", nameof(groups));
            }
        }

        return included;
    }
}

/// <summary>One group's cases in one run: how many, how many right, and whether the group counts toward macro accuracy.</summary>
/// <param name="Group">The group key (relation, attribute pair); groups are resampled in ordinal order of this key.</param>
/// <param name="Count">Cases in the group (at least 1).</param>
/// <param name="Correct">Cases predicted right.</param>
/// <param name="Included">Whether the subset's filter counts the group toward macro accuracy.</param>
public readonly record struct Stratum(string Group, int Count, int Correct, bool Included);
