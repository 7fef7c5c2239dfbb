using Aro.Core.Benchmarks;
using Aro.Core.Metrics;
using Aro.Core.Statistics;

namespace Aro.Core.Results;

/// <summary>One row of <c>summary.csv</c> plus the group table it was computed from.</summary>
/// <param name="Subset">The subset.</param>
/// <param name="Samples">Cases evaluated.</param>
/// <param name="Correct">Cases predicted right (by the subset's prediction rule).</param>
/// <param name="MicroAccuracy">Accuracy over all cases (excluded groups too).</param>
/// <param name="MacroAccuracy">Mean of the included groups' accuracies (equals micro where the metric of record is micro).</param>
/// <param name="Groups">Per-group accuracy, ordinal by group name.</param>
/// <param name="Skipped">Cases left out under <c>--on-error skip</c> (not in any metric).</param>
public sealed record SubsetSummary(
    SubsetDefinition Subset,
    int Samples,
    int Correct,
    double MicroAccuracy,
    double MacroAccuracy,
    IReadOnlyList<GroupAccuracy> Groups,
    int Skipped = 0)
{
    private ConfidenceInterval? _macroInterval;
    private bool _macroIntervalDone;

    /// <summary>The skipped cases themselves (for skipped.csv).</summary>
    public IReadOnlyList<SkippedCase> SkippedCases { get; init; } = [];

    /// <summary>The subset's extra counts (<see cref="SubsetDefinition.Diagnostics"/>), written to a file of their own.</summary>
    public CaseDiagnostics? Diagnostics { get; init; }

    /// <summary>Why these numbers do not stand for the whole official subset (a limit, a shard, skipped cases, fewer cases), or null.</summary>
    public string? Partial { get; init; }

    /// <summary>How many seeds the numbers are the mean of (1 for a single run).</summary>
    public int SeedCount { get; init; } = 1;

    /// <summary>The sample standard deviation of the metric of record over the seeds, for a mean of several.</summary>
    public double? SeedStd { get; init; }

    /// <summary>Groups that count toward the macro accuracy.</summary>
    public int IncludedGroups => Groups.Count(g => g.Included);

    /// <summary>The number the paper reports for this subset.</summary>
    public double MetricOfRecord => Subset.Metric.Pick(MicroAccuracy, MacroAccuracy);

    /// <summary>The 95% Wilson interval of the micro accuracy; null for a mean over seeds (its spread is <see cref="SeedStd"/>).</summary>
    public ConfidenceInterval? MicroInterval => SeedCount == 1 ? WilsonInterval.Of(Correct, Samples) : null;

    /// <summary>
    /// The 95% interval of the metric of record: Wilson for a share of cases, a seeded stratified bootstrap over cases
    /// for macro accuracy (docs/statistics.md); null for a mean over seeds.
    /// </summary>
    public ConfidenceInterval? RecordInterval => Subset.Metric.Aggregate == MetricAggregate.Micro ? MicroInterval : MacroInterval;

    private ConfidenceInterval? MacroInterval
    {
        get
        {
            if (!_macroIntervalDone)
            {
                _macroInterval = SeedCount == 1
                    ? Bootstrap.Macro([.. Groups.Select(g => new Stratum(g.Group, g.Count, g.Correct, g.Included))], BootstrapSettings.Default)
                    : null;
                _macroIntervalDone = true;
            }

            return _macroInterval;
        }
    }

    /// <summary>The summary.csv row of this summary for <paramref name="model"/>.</summary>
    public SummaryRow ToRow(string model) => new(Subset.Name, Samples, IncludedGroups, MicroAccuracy, MacroAccuracy, Skipped)
    {
        Model = model,
        RecordInterval = RecordInterval,
        MicroInterval = MicroInterval,
        SeedCount = SeedCount,
        SeedStd = SeedStd,
        Partial = Partial,
    };

    /// <summary>The summary of a subset's tally: micro over all cases, macro over the groups its filter includes.</summary>
    public static SubsetSummary From(SubsetDefinition subset, GroupTally tally)
    {
        var groups = tally.Groups(subset.GroupFilter);
        var micro = tally.Micro;
        var macro = subset.Metric.Aggregate == MetricAggregate.Micro ? micro : GroupTally.Macro(groups);
        return new SubsetSummary(subset, tally.Samples, tally.Correct, micro, macro, groups);
    }

    /// <summary>
    /// Why a run of <paramref name="subset"/> with these cases does not stand for the official subset, or null: a
    /// <c>--limit</c>, a shard, skipped cases, or fewer cases than the official files hold.
    /// </summary>
    public static string? PartialBecause(SubsetDefinition subset, int samples, int skipped, int? limit, string? shard)
    {
        var reasons = new List<string>();
        if (limit is { } n)
        {
            reasons.Add(FormattableString.Invariant($"--limit {n}"));
        }

        if (shard is not null)
        {
            reasons.Add($"shard {shard}");
        }

        if (skipped > 0)
        {
            reasons.Add(FormattableString.Invariant($"{skipped} skipped"));
        }

        if (subset is NativeSubset { OfficialCases: { } official } && samples + skipped < official && limit is null && shard is null)
        {
            reasons.Add(FormattableString.Invariant($"{samples + skipped} of the official {official} cases"));
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }
}
