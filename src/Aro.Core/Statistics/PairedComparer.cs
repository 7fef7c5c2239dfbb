namespace Aro.Core.Statistics;

/// <summary>
/// The paired comparison of two runs on the same cases: micro and macro accuracy differences with seeded paired
/// bootstrap 95% intervals, and McNemar's exact test (docs/statistics.md).
/// </summary>
/// <remarks>
/// Both runs are resampled with the same indices, which is what makes the interval paired: a case both runs get
/// right (or both wrong) adds nothing to the difference, so the interval reflects only the cases where they disagree.
/// As in <see cref="Bootstrap"/>, cases are taken in a canonical order that depends only on the 2 x 2 counts: within
/// a pool, first the cases both got right, then those only the baseline got right, then those only the candidate got
/// right, then those both got wrong; a drawn index j is "only baseline" when <c>A &lt;= j &lt; A + B</c> and
/// "only candidate" when <c>A + B &lt;= j &lt; A + B + C</c>.
/// <list type="bullet">
/// <item>Micro: one pool of all paired cases (every group, included or not); resample r draws N indices
/// <c>NextInt(N)</c> from <c>SplitMix64.ForStream(seed, r)</c>; its difference is (c_r - b_r) / N.</item>
/// <item>Macro: the included groups in ordinal order of their key, each resampled within itself (n_g draws of
/// <c>NextInt(n_g)</c>, continuing the same stream); the difference is the mean over included groups of
/// (c_g - b_g) / n_g.</item>
/// </list>
/// </remarks>
public static class PairedComparer
{
    /// <summary>Compares the paired cases of <paramref name="cases"/>; null when no case is paired.</summary>
    public static PairedComparison? Compare(PairedCases cases, BootstrapSettings settings) => Compare(cases.Groups, settings);

    /// <summary>Compares the paired 2 x 2 tables of <paramref name="groups"/>; null when they hold no case.</summary>
    public static PairedComparison? Compare(IReadOnlyList<PairedGroupTally> groups, BootstrapSettings settings)
    {
        settings.Validate();
        var ordered = Ordered(groups);
        long both = 0, baseOnly = 0, candidateOnly = 0, neither = 0;
        foreach (var group in ordered)
        {
            both += group.BothCorrect;
            baseOnly += group.BaselineOnly;
            candidateOnly += group.CandidateOnly;
            neither += group.BothWrong;
        }

        var total = both + baseOnly + candidateOnly + neither;
        if (total == 0)
        {
            return null;
        }

        if (total > int.MaxValue)
        {
            throw new ArgumentException("more than 2^31 - 1 paired cases", nameof(groups));
        }

        var n = (int)total;
        var pool = new PairedGroupTally("", (int)both, (int)baseOnly, (int)candidateOnly, (int)neither, true);
        var microInterval = Bootstrap.Resample(settings, random => (double)Discordance(random, pool) / n);
        var micro = new PairedDifference((double)(both + baseOnly) / n, (double)(both + candidateOnly) / n, (double)(candidateOnly - baseOnly) / n, microInterval);

        var included = ordered.Where(g => g.Included).ToArray();
        PairedDifference? macro = null;
        if (included.Length > 0)
        {
            double baseSum = 0, candidateSum = 0, differenceSum = 0;
            foreach (var group in included)
            {
                baseSum += (double)group.BaselineCorrect / group.Count;
                candidateSum += (double)group.CandidateCorrect / group.Count;
                differenceSum += (double)(group.CandidateOnly - group.BaselineOnly) / group.Count;
            }

            var macroInterval = Bootstrap.Resample(settings, random =>
            {
                var sum = 0.0;
                foreach (var group in included)
                {
                    sum += (double)Discordance(random, group) / group.Count;
                }

                return sum / included.Length;
            });
            macro = new PairedDifference(baseSum / included.Length, candidateSum / included.Length, differenceSum / included.Length, macroInterval);
        }

        return new PairedComparison(
            n, (int)both, (int)baseOnly, (int)candidateOnly, (int)neither, micro, macro, included.Length,
            McNemarTest.ExactPValue((int)baseOnly, (int)candidateOnly));
    }

    /// <summary>Draws the group's size in indices and returns (only candidate) - (only baseline) among them.</summary>
    private static int Discordance(Randomness.SplitMix64 random, PairedGroupTally group)
    {
        var n = group.Count;
        var baseStart = group.BothCorrect;
        var candidateStart = baseStart + group.BaselineOnly;
        var candidateEnd = candidateStart + group.CandidateOnly;
        var difference = 0;
        for (var i = 0; i < n; i++)
        {
            var j = random.NextInt(n);
            if (j >= baseStart && j < candidateEnd)
            {
                difference += j < candidateStart ? -1 : 1;
            }
        }

        return difference;
    }

    private static PairedGroupTally[] Ordered(IReadOnlyList<PairedGroupTally> groups)
    {
        var ordered = groups.ToArray();
        foreach (var group in ordered)
        {
            if (group.BothCorrect < 0 || group.BaselineOnly < 0 || group.CandidateOnly < 0 || group.BothWrong < 0 || (group.Included && group.Count == 0))
            {
                throw new ArgumentException(FormattableString.Invariant(
                    $"group '{group.Group}': {group.BothCorrect}/{group.BaselineOnly}/{group.CandidateOnly}/{group.BothWrong} is not a table of case counts"), nameof(groups));
            }
        }

        Array.Sort(ordered, (a, b) => string.CompareOrdinal(a.Group, b.Group));
        for (var i = 1; i < ordered.Length; i++)
        {
            if (ordered[i].Group == ordered[i - 1].Group)
            {
                throw new ArgumentException($"group '{ordered[i].Group}' appears twice", nameof(groups));
            }
        }

        return ordered;
    }
}
