using Xunit;

namespace Aro.TestSupport;

/// <summary>
/// Checks a results folder against the shared data's fixtures/aro-synth/expected (<see cref="SharedData"/>; the PIL + PyTorch reference run of
/// tiny-clip): predictions equal where the reference margin exceeds 1e-3 or is an exact tie, scores within
/// 2e-3, groups and summary rows equal. Returns the largest score difference seen.
/// </summary>
public static class ExpectedResults
{
    public static double AssertSubsetMatches(string resultsDir, string subset)
    {
        var expected = SharedData.Fixtures("aro-synth", "expected");
        var actual = CsvTable.Read(Path.Combine(resultsDir, $"{subset}.predictions.csv"));
        var reference = CsvTable.Read(Path.Combine(expected, $"{subset}.predictions.csv"));
        var margins = CsvTable.Read(Path.Combine(expected, "margins.csv")).Rows
            .Where(r => r["subset"] == subset)
            .ToDictionary(r => r["id"], r => (Margin: CsvTable.Number(r["margin"]), Tie: r["exact_tie"] == "true"));
        // aro adds each option's text after the reference's columns (one option_k per score_k).
        var scores = reference.Header.Count(h => h.StartsWith("score_", StringComparison.Ordinal));
        Assert.Equal([.. reference.Header, .. Enumerable.Range(0, scores).Select(k => $"option_{k}")], actual.Header);
        Assert.Equal(reference.Rows.Count, actual.Rows.Count);
        var maxScoreDiff = 0.0;
        for (var i = 0; i < reference.Rows.Count; i++)
        {
            var want = reference.Rows[i];
            var got = actual.Rows[i];
            Assert.Equal(want["index"], got["index"]);
            Assert.Equal(want["id"], got["id"]);
            Assert.Equal(want["group"], got["group"]);
            Assert.Equal(want["label"], got["label"]);
            foreach (var column in reference.Header.Where(h => h.StartsWith("score_", StringComparison.Ordinal)))
            {
                maxScoreDiff = Math.Max(maxScoreDiff, Math.Abs(CsvTable.Number(want[column]) - CsvTable.Number(got[column])));
            }

            var (margin, tie) = margins[want["id"]];
            if (margin > 1e-3 || tie)
            {
                Assert.True(want["prediction"] == got["prediction"],
                    $"{want["id"]}: prediction {got["prediction"]}, reference {want["prediction"]} (margin {margin})");
                Assert.Equal(want["correct"], got["correct"]);
            }
        }

        Assert.True(maxScoreDiff <= 2e-3, $"{subset}: max score difference {maxScoreDiff}");
        // groups.csv holds the reference's columns, then each group's 95% interval (docs/results-format.md).
        var groups = CsvTable.Read(Path.Combine(resultsDir, $"{subset}.groups.csv"));
        var referenceGroups = CsvTable.Read(Path.Combine(expected, $"{subset}.groups.csv"));
        Assert.Equal([.. referenceGroups.Header, "ci_low", "ci_high"], groups.Header);
        Assert.Equal(Lines(referenceGroups), groups.Rows.Select(r => string.Join(',', referenceGroups.Header.Select(h => r[h]))));
        var summary = CsvTable.Read(Path.Combine(resultsDir, "summary.csv")).Rows.Single(r => r["subset"] == subset);
        var referenceSummary = CsvTable.Read(Path.Combine(expected, "summary.csv")).Rows.Single(r => r["subset"] == subset);
        foreach (var (column, value) in referenceSummary)
        {
            Assert.True(value == summary[column], $"{subset} summary {column}: {summary[column]}, reference {value}");
        }

        Assert.Equal("0", summary["skipped"]);
        return maxScoreDiff;
    }

    private static IEnumerable<string> Lines(CsvTable table) => table.Rows.Select(r => string.Join(',', r.Values));
}
