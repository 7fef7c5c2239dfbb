using System.Globalization;

namespace Aro.Core.Reports.Comparison;

/// <summary>How much a metric may drop before <c>aro compare</c> fails. A drop equal to the threshold passes.</summary>
/// <param name="MaxDrop">Largest allowed drop of a subset's metric of record (accuracy points as a share: 0.01 = 1 point).</param>
/// <param name="MaxGroupDrop">Largest allowed drop of an included group's accuracy; null to compare subsets only.</param>
/// <param name="SignificantOnly"><c>--max-drop significant</c>: a subset fails only when its paired 95% interval lies
/// wholly below 0 (<see cref="Statistics.PairedDifference.IsSignificantDrop"/>); <see cref="MaxDrop"/> is then unused.
/// A subset whose cases cannot be paired fails on any drop, and the comparison says so.</param>
public sealed record ComparisonThresholds(double MaxDrop = 0.01, double? MaxGroupDrop = null, bool SignificantOnly = false)
{
    /// <summary>The word <c>--max-drop</c> takes for <see cref="SignificantOnly"/>.</summary>
    public const string Significant = "significant";

    /// <summary>Reads a <c>--max-drop</c> value: a share such as <c>0.01</c>, or <c>significant</c>.</summary>
    public static ComparisonThresholds Parse(string maxDrop, double? maxGroupDrop)
    {
        if (string.Equals(maxDrop.Trim(), Significant, StringComparison.OrdinalIgnoreCase))
        {
            return new ComparisonThresholds(0, maxGroupDrop, SignificantOnly: true);
        }

        if (!double.TryParse(maxDrop, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new AroInputException($"--max-drop must be a share (0.01 = one point) or '{Significant}', found '{maxDrop}'");
        }

        return new ComparisonThresholds(value, maxGroupDrop);
    }

    /// <summary>The gate in words, e.g. <c>a drop of more than 0.0100</c>.</summary>
    public string Describe()
    {
        var subsets = SignificantOnly
            ? "a drop whose paired 95% interval lies below 0"
            : "a drop of more than " + ComparisonText.Value(MaxDrop);
        return MaxGroupDrop is { } group ? $"{subsets}; a group drop of more than {ComparisonText.Value(group)}" : subsets;
    }

    /// <summary>Rejects thresholds that are negative or not finite.</summary>
    public void Validate()
    {
        if (!double.IsFinite(MaxDrop) || MaxDrop < 0)
        {
            throw new AroInputException(FormattableString.Invariant($"--max-drop must be a share of 0 or more (0.01 = one point) or '{Significant}', found {MaxDrop}"));
        }

        if (MaxGroupDrop is { } group && (!double.IsFinite(group) || group < 0))
        {
            throw new AroInputException(FormattableString.Invariant($"--max-group-drop must be a share of 0 or more, found {group}"));
        }
    }
}
