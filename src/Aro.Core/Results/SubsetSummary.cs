using Aro.Core.Benchmarks;
using Aro.Core.Metrics;

namespace Aro.Core.Results;

/// <summary>One row of <c>summary.csv</c> plus the group table it was computed from.</summary>
/// <param name="Subset">The subset.</param>
/// <param name="Samples">Cases evaluated.</param>
/// <param name="Correct">Cases predicted right (by the subset's prediction rule).</param>
/// <param name="MicroAccuracy">Accuracy over all cases (excluded groups too).</param>
/// <param name="MacroAccuracy">Mean of the included groups' accuracies (equals micro where the metric of record is micro).</param>
/// <param name="Groups">Per-group accuracy, ordinal by group name.</param>
/// <param name="Skipped">Cases left out under <c>--on-error skip</c> (not in any metric).</param>
/// <param name="Diagnostics">Extra rows written after the groups (<see cref="SubsetDefinition.Diagnostics"/>).</param>
public sealed record SubsetSummary(
    SubsetDefinition Subset,
    int Samples,
    int Correct,
    double MicroAccuracy,
    double MacroAccuracy,
    IReadOnlyList<GroupAccuracy> Groups,
    int Skipped = 0,
    IReadOnlyList<GroupAccuracy>? Diagnostics = null)
{
    /// <summary>The skipped cases themselves (for skipped.csv).</summary>
    public IReadOnlyList<SkippedCase> SkippedCases { get; init; } = [];

    /// <summary>Groups that count toward the macro accuracy.</summary>
    public int IncludedGroups => Groups.Count(g => g.Included);

    /// <summary>The number the paper reports for this subset.</summary>
    public double MetricOfRecord => Subset.Metric.Pick(MicroAccuracy, MacroAccuracy);

    /// <summary>The summary of a subset's tally: micro over all cases, macro over the groups its filter includes.</summary>
    public static SubsetSummary From(SubsetDefinition subset, GroupTally tally)
    {
        var groups = tally.Groups(subset.GroupFilter);
        var micro = tally.Micro;
        var macro = subset.Metric.Aggregate == MetricAggregate.Micro ? micro : GroupTally.Macro(groups);
        return new SubsetSummary(subset, tally.Samples, tally.Correct, micro, macro, groups);
    }
}
