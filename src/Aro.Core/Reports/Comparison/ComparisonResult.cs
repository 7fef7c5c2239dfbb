
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
