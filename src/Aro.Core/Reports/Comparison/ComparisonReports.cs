using System.Globalization;

namespace Aro.Core.Reports.Comparison;

/// <summary>
/// A <see cref="ComparisonResult"/> in the forms CI systems read: JUnit XML (a test case per subset and per gated
/// group) and a Markdown job summary.
/// </summary>
public static class ComparisonReports
{
    /// <summary>One JUnit suite: a passed, failed or skipped test case per subset, then one per gated group.</summary>
    public static JUnitTestSuite JUnit(ComparisonResult result)
    {
        var cases = new List<JUnitTestCase>();
        foreach (var subset in result.Subsets)
        {
            var message = SubsetMessage(subset);
            cases.Add(subset.Status switch
            {
                DeltaStatus.Drop => new JUnitTestCase(subset.Subset, "aro.compare." + subset.Subset, JUnitOutcome.Failed, message, Details(result, subset)),
                DeltaStatus.Added or DeltaStatus.Removed => new JUnitTestCase(subset.Subset, "aro.compare." + subset.Subset, JUnitOutcome.Skipped, message),
                _ => new JUnitTestCase(subset.Subset, "aro.compare." + subset.Subset, JUnitOutcome.Passed, message),
            });
        }

        foreach (var group in result.Groups)
        {
            var message = FormattableString.Invariant(
                $"{group.Subset} / {group.Group}: {ComparisonText.Value(group.Baseline)} -> {ComparisonText.Value(group.Candidate)} ({ComparisonText.Signed(group.Delta)}; {group.BaselineCount}/{group.CandidateCount} cases)");
            cases.Add(new JUnitTestCase($"{group.Subset} / {group.Group}", "aro.compare." + group.Subset + ".groups",
                group.Status == DeltaStatus.Drop ? JUnitOutcome.Failed : JUnitOutcome.Passed, message));
        }

        return new JUnitTestSuite($"aro compare {result.Baseline} {result.Candidate}", cases, Properties:
        [
            new("baseline", result.Baseline),
            new("candidate", result.Candidate),
            new("gate", result.Thresholds.Describe()),
        ]);
    }

    /// <summary>The job-summary form: a row per subset, the dropped groups, the notes and the verdict.</summary>
    public static MarkdownComparison Markdown(ComparisonResult result) => new(
        result.Baseline,
        result.Candidate,
        result.Thresholds.Describe(),
        result.Passed,
        ComparisonText.Verdict(result),
        [.. result.Subsets.Select(s => new MarkdownComparisonRow(
            s.Subset, s.Metric, s.Pairing?.Comparison?.Cases, s.Baseline, s.Candidate, s.Delta, s.Paired?.Interval,
            s.Pairing?.Comparison?.McNemarP, DeltaStatuses.Name(s.Status), s.Status == DeltaStatus.Drop))],
        [.. result.Groups.Where(g => g.Status == DeltaStatus.Drop).Select(g => new MarkdownComparisonRow(
            $"{g.Subset} / {g.Group}", "accuracy", g.CandidateCount, g.Baseline, g.Candidate, g.Delta, null, null, DeltaStatuses.Name(g.Status), true))],
        result.Notes);

    private static string SubsetMessage(SubsetDelta subset)
    {
        var text = FormattableString.Invariant($"{subset.Subset} {subset.Metric}: {ComparisonText.Value(subset.Baseline)} -> {ComparisonText.Value(subset.Candidate)} ({ComparisonText.Signed(subset.Delta)})");
        if (subset.Paired is { } paired && subset.Pairing?.Comparison is { } comparison)
        {
            text += FormattableString.Invariant(
                $"; paired 95% interval {ComparisonText.Interval(paired.Interval)} over {comparison.Cases} cases, McNemar p {MarkdownSummary.PValue(comparison.McNemarP)}");
        }

        return subset.Status switch
        {
            DeltaStatus.Added => $"{subset.Subset}: only in the candidate",
            DeltaStatus.Removed => $"{subset.Subset}: only in the baseline",
            _ => text,
        };
    }

    private static string Details(ComparisonResult result, SubsetDelta subset) =>
        $"gate: fails on {result.Thresholds.Describe()}\n" +
        (subset.Pairing?.Comparison is { } c
            ? string.Create(CultureInfo.InvariantCulture, $"cases: {c.BothCorrect} both right, {c.BaselineOnly} only the baseline right, {c.CandidateOnly} only the candidate right, {c.BothWrong} both wrong\n")
            : $"no paired comparison: {subset.Pairing?.Unavailable}\n");
}
