using Aro.Core.Benchmarks;
using Aro.Core.Metrics;
using Aro.Core.Results;
using Aro.Core.Statistics;

namespace Aro.Core.Reports.Comparison;

/// <summary>
/// <c>aro compare</c>: the regression gate. Compares each subset both runs share on its metric of record (macro on
/// VG, precision@1 on Order) and, with a group threshold, every group both runs include. Values are compared as
/// written (7 decimals), so a drop of exactly the threshold passes on every machine.
/// </summary>
public static class ResultsComparer
{
    private const int Decimals = 7;

    /// <param name="baseline">A results folder or its summary.csv.</param>
    /// <param name="candidate">A results folder or its summary.csv.</param>
    /// <param name="thresholds">The allowed drops.</param>
    /// <param name="bootstrap">The paired bootstrap's settings; the default (2,000 resamples from seed 0) when null.</param>
    public static ComparisonResult Compare(string baseline, string candidate, ComparisonThresholds thresholds, BootstrapSettings? bootstrap = null)
    {
        bootstrap ??= BootstrapSettings.Default;
        thresholds.Validate();
        var before = ResultsFolderReader.Read(baseline, withGroups: false);
        var after = ResultsFolderReader.Read(candidate, withGroups: false);
        var common = before.Summary.Select(r => r.Subset).Intersect(after.Summary.Select(r => r.Subset), StringComparer.Ordinal).ToList();
        if (common.Count == 0)
        {
            throw new AroInputException(
                $"{before.SummaryPath} ({Names(before)}) and {after.SummaryPath} ({Names(after)}) have no subset in common: nothing to compare");
        }

        var notes = new List<string>();
        var subsets = new List<SubsetDelta>();
        foreach (var row in before.Summary)
        {
            subsets.Add(after.Row(row.Subset) is { } other
                ? Both(row, other, thresholds, PredictionPairing.Pair(before.Directory, after.Directory, row.Subset, bootstrap), notes)
                : new SubsetDelta(row.Subset, row.MetricName, row.MetricOfRecord, null, null, DeltaStatus.Removed));
        }

        subsets.AddRange(after.Summary.Where(r => before.Row(r.Subset) is null)
            .Select(r => new SubsetDelta(r.Subset, r.MetricName, null, r.MetricOfRecord, null, DeltaStatus.Added)));
        var groups = thresholds.MaxGroupDrop is { } maxGroupDrop
            ? common.SelectMany(s => CompareGroups(before, after, s, maxGroupDrop, notes)).ToList()
            : [];
        return new ComparisonResult(before.SummaryPath, after.SummaryPath, thresholds, subsets, groups, notes);
    }

    private static string Names(ResultsFolder folder) =>
        folder.Summary.Count == 0 ? "no subsets" : string.Join(", ", folder.Summary.Select(r => r.Subset));

    private static double Delta(double baseline, double candidate) => Math.Round(candidate - baseline, Decimals);

    private static DeltaStatus Judge(double delta, double maxDrop) => -delta > maxDrop ? DeltaStatus.Drop : DeltaStatus.Ok;

    private static SubsetDelta Both(SummaryRow before, SummaryRow after, ComparisonThresholds thresholds, SubsetPairing pairing, List<string> notes)
    {
        if (before.Samples != after.Samples)
        {
            notes.Add(FormattableString.Invariant(
                $"{before.Subset}: {before.Samples} cases in the baseline, {after.Samples} in the candidate; the runs did not score the same cases"));
        }

        if (after.Skipped > before.Skipped)
        {
            notes.Add(FormattableString.Invariant($"{before.Subset}: the candidate skipped {after.Skipped} case(s), the baseline {before.Skipped}"));
        }

        if (pairing.Comparison is not null && (pairing.OnlyInBaseline > 0 || pairing.OnlyInCandidate > 0))
        {
            notes.Add(FormattableString.Invariant(
                $"{before.Subset}: {pairing.OnlyInBaseline} case(s) only in the baseline and {pairing.OnlyInCandidate} only in the candidate are left out of the paired comparison"));
        }

        var delta = Delta(before.MetricOfRecord, after.MetricOfRecord);
        DeltaStatus status;
        if (!thresholds.SignificantOnly)
        {
            status = Judge(delta, thresholds.MaxDrop);
        }
        else if (pairing.DifferenceFor(before.MetricName) is { } paired)
        {
            status = paired.IsSignificantDrop ? DeltaStatus.Drop : DeltaStatus.Ok;
        }
        else
        {
            // No interval to judge by: any drop fails, and the reader is told why.
            notes.Add($"{before.Subset}: no paired comparison ({pairing.Unavailable}), so --max-drop {ComparisonThresholds.Significant} fails it on any drop");
            status = Judge(delta, 0);
        }

        return new SubsetDelta(before.Subset, before.MetricName, before.MetricOfRecord, after.MetricOfRecord, delta, status, pairing);
    }

    private static IEnumerable<GroupDelta> CompareGroups(ResultsFolder before, ResultsFolder after, string subset, double maxDrop, List<string> notes)
    {
        if (BenchmarkRegistry.Describe(subset) is RetrievalSubset or PairMatchingSubset)
        {
            // Retrieval recalls and Winoground's scores have no group table (their files are retrieval.csv, scores.csv).
            notes.Add($"{subset}: has no group table; compared on its metric of record only");
            return [];
        }

        var beforeTables = ResultsFolderReader.FindTables(before.Directory, subset);
        var afterTables = ResultsFolderReader.FindTables(after.Directory, subset);
        if (beforeTables.Count > 1 || afterTables.Count > 1)
        {
            notes.Add($"{subset}: group tables are per seed; its one group is the subset itself, compared above");
            return [];
        }

        var baseTable = beforeTables.SingleOrDefault() ?? throw MissingGroups(before, subset);
        var candidateTable = afterTables.SingleOrDefault() ?? throw MissingGroups(after, subset);
        var candidate = candidateTable.Groups.Where(g => g.Included).ToDictionary(g => g.Group, StringComparer.Ordinal);
        var baseIncluded = baseTable.Groups.Where(g => g.Included).ToList();
        var missing = baseIncluded.Count(g => !candidate.ContainsKey(g.Group));
        if (missing > 0)
        {
            notes.Add(FormattableString.Invariant(
                $"{subset}: {missing} group(s) the baseline includes are not included in the candidate and were not compared"));
        }

        return [.. baseIncluded
            .Where(g => candidate.ContainsKey(g.Group))
            .OrderBy(g => g.Group, StringComparer.Ordinal)
            .Select(g =>
            {
                var other = candidate[g.Group];
                var delta = Delta(g.Accuracy, other.Accuracy);
                return new GroupDelta(subset, g.Group, g.Count, other.Count, g.Accuracy, other.Accuracy, delta, Judge(delta, maxDrop));
            })];
    }

    private static AroInputException MissingGroups(ResultsFolder folder, string subset) =>
        new($"{Path.Combine(folder.Directory, ResultFiles.Groups(subset))}: file not found; --max-group-drop needs each subset's group table beside {Path.GetFileName(folder.SummaryPath)}");
}
