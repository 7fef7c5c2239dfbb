namespace Aro.Core.Reports.Comparison;

/// <summary>Everything <c>aro compare</c> found.</summary>
/// <param name="Baseline">The baseline's summary.csv.</param>
/// <param name="Candidate">The candidate's summary.csv.</param>
/// <param name="Thresholds">The thresholds applied.</param>
/// <param name="Subsets">Every subset of either run: the baseline's in its order, then those only the candidate has.</param>
/// <param name="Groups">With a group threshold: every included group present in both runs, subset by subset, ordinal by group.</param>
/// <param name="Notes">What a reader should know that is not a failure (different case counts, skipped cases, groups not compared).</param>
public sealed record ComparisonResult(
    string Baseline,
    string Candidate,
    ComparisonThresholds Thresholds,
    IReadOnlyList<SubsetDelta> Subsets,
    IReadOnlyList<GroupDelta> Groups,
    IReadOnlyList<string> Notes)
{
    /// <summary>How many subsets and groups dropped beyond their threshold.</summary>
    public int Drops => Subsets.Count(s => s.Status == DeltaStatus.Drop) + Groups.Count(g => g.Status == DeltaStatus.Drop);

    public bool Passed => Drops == 0;
}

/// <summary>One subset's metric of record in the baseline and the candidate.</summary>
/// <param name="Subset">The subset.</param>
/// <param name="Metric">The metric compared: <c>macro</c> or <c>p@1</c>.</param>
/// <param name="Baseline">The baseline's value; null when the subset was added.</param>
/// <param name="Candidate">The candidate's value; null when the subset was removed.</param>
/// <param name="Delta">Candidate minus baseline, rounded to the CSVs' 7 decimals; null unless in both.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Pairing">The case-by-case comparison of a subset in both runs; null when only one run has it.</param>
public sealed record SubsetDelta(string Subset, string Metric, double? Baseline, double? Candidate, double? Delta, DeltaStatus Status, SubsetPairing? Pairing = null)
{
    /// <summary>The paired difference of the metric of record, with its interval; null when not paired.</summary>
    public Statistics.PairedDifference? Paired => Pairing?.DifferenceFor(Metric);
}

/// <summary>One included group's accuracy in the baseline and the candidate.</summary>
/// <param name="Subset">The subset.</param>
/// <param name="Group">The group (relation, attribute pair).</param>
/// <param name="BaselineCount">Cases in the baseline's group.</param>
/// <param name="CandidateCount">Cases in the candidate's group.</param>
/// <param name="Baseline">The baseline's accuracy.</param>
/// <param name="Candidate">The candidate's accuracy.</param>
/// <param name="Delta">Candidate minus baseline, rounded to 7 decimals.</param>
/// <param name="Status">Ok or Drop.</param>
public sealed record GroupDelta(string Subset, string Group, int BaselineCount, int CandidateCount, double Baseline, double Candidate, double Delta, DeltaStatus Status);
