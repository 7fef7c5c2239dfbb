using System.Globalization;
using System.Text;
using Aro.Core.Perturbations;

namespace Aro.Core.Reports.Comparison;

/// <summary>
/// The plain-text form of a comparison, for CI logs and pipes: space-aligned columns, 4-decimal values, no colour
/// and no box drawing, the same bytes for the same inputs, and a last line that starts with OK or FAIL.
/// </summary>
public static class ComparisonText
{
    public static string Format(ComparisonResult result)
    {
        var text = new StringBuilder();
        text.Append("baseline:  ").Append(result.Baseline).Append('\n')
            .Append("candidate: ").Append(result.Candidate).Append('\n')
            .Append("fails on:  ").Append(result.Thresholds.Describe());
        text.Append("\n\n");
        Table(text, SubsetHeader, [.. result.Subsets.Select(SubsetCells)]);
        if (result.Thresholds.MaxGroupDrop is { } maxGroupDrop)
        {
            GroupSummary(text, result, maxGroupDrop);
        }

        foreach (var note in result.Notes)
        {
            text.Append("note: ").Append(note).Append('\n');
        }

        text.Append(Verdict(result)).Append('\n');
        return text.ToString();
    }

    /// <summary>The last line: <c>OK: ...</c> or <c>FAIL: ...</c>.</summary>
    public static string Verdict(ComparisonResult result)
    {
        var compared = result.Subsets.Count(s => s.Delta is not null);
        var groups = result.Groups.Count > 0 ? $" and {Int(result.Groups.Count)} groups" : "";
        var significant = result.Thresholds.SignificantOnly;
        return result.Passed
            ? $"OK: no {(significant ? "significant drop" : "drop beyond the threshold")} in {Int(compared)} subsets{groups}"
            : $"FAIL: {Int(result.Drops)} {(significant ? "significant drop(s)" : "drop(s) beyond the threshold")} in {Int(compared)} subsets{groups}";
    }

    /// <summary>The header of the subset table (also used by the terminal table).</summary>
    public static IReadOnlyList<string> SubsetHeader { get; } = ["subset", "metric", "cases", "baseline", "candidate", "delta", "paired 95% interval", "McNemar p", "status"];

    /// <summary>The cells of one subset row, as the table prints them (also used by the terminal table).</summary>
    public static IReadOnlyList<string> SubsetCells(SubsetDelta delta) =>
        [delta.Subset, delta.Metric, delta.Pairing?.Comparison is { } paired ? Int(paired.Cases) : "-", Value(delta.Baseline), Value(delta.Candidate), Signed(delta.Delta),
            delta.Paired is { } difference ? Interval(difference.Interval) : "-",
            delta.Pairing?.Comparison is { } comparison ? MarkdownSummary.PValue(comparison.McNemarP) : "-",
            DeltaStatuses.Name(delta.Status)];

    /// <summary>An interval as <c>[-0.0312, +0.0104]</c>.</summary>
    public static string Interval(Statistics.ConfidenceInterval interval) => $"[{Signed(interval.Lower)}, {Signed(interval.Upper)}]";

    /// <summary>The cells of one group row.</summary>
    public static IReadOnlyList<string> GroupCells(GroupDelta delta) =>
        [delta.Subset, delta.Group, $"{Int(delta.BaselineCount)}/{Int(delta.CandidateCount)}", Value(delta.Baseline), Value(delta.Candidate), Signed(delta.Delta), DeltaStatuses.Name(delta.Status)];

    public static string Value(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "-";

    public static string Signed(double? value) => value is { } v ? v.ToString("+0.0000;-0.0000;+0.0000", CultureInfo.InvariantCulture) : "-";

    private static void GroupSummary(StringBuilder text, ComparisonResult result, double maxGroupDrop)
    {
        text.Append('\n');
        foreach (var subset in result.Groups.GroupBy(g => g.Subset))
        {
            text.Append(subset.Key).Append(": ").Append(Int(subset.Count())).Append(" included group(s) compared, ")
                .Append(Int(subset.Count(g => g.Status == DeltaStatus.Drop))).Append(" dropped more than ").Append(Value(maxGroupDrop)).Append('\n');
        }

        var drops = result.Groups.Where(g => g.Status == DeltaStatus.Drop).ToList();
        if (drops.Count > 0)
        {
            text.Append('\n');
            Table(text, ["subset", "group", "cases", "baseline", "candidate", "delta", "status"], [.. drops.Select(GroupCells)]);
        }

        text.Append('\n');
    }

    private static void Table(StringBuilder text, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Count; i++)
            {
                // Text columns (the first two) align left, numbers right; the status is last and left-aligned.
                var left = i < 2 || i == row.Count - 1;
                line.Append(left ? row[i].PadRight(widths[i]) : row[i].PadLeft(widths[i])).Append("  ");
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
