
namespace Aro.Core.Reports.Comparison;

/// <summary>How much a metric may drop before <c>aro compare</c> fails. A drop equal to the threshold passes.</summary>
/// <param name="MaxDrop">Largest allowed drop of a subset's metric of record (accuracy points as a share: 0.01 = 1 point).</param>
/// <param name="MaxGroupDrop">Largest allowed drop of an included group's accuracy; null to compare subsets only.</param>
public sealed record ComparisonThresholds(double MaxDrop = 0.01, double? MaxGroupDrop = null)
{
    /// <summary>Rejects thresholds that are negative or not finite.</summary>
    public void Validate()
    {
        if (!double.IsFinite(MaxDrop) || MaxDrop < 0)
        {
            throw new AroInputException(FormattableString.Invariant($"--max-drop must be a share of 0 or more (0.01 = one point), found {MaxDrop}"));
        }

        if (MaxGroupDrop is { } group && (!double.IsFinite(group) || group < 0))
        {
            throw new AroInputException(FormattableString.Invariant($"--max-group-drop must be a share of 0 or more, found {group}"));
        }
    }
}
