using Aro.Core.Eval;
using Aro.Core.Models;
using Aro.Core.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Eval;

/// <summary>
/// The whole evaluation on ../shared/fixtures/tiny-clip + aro-synth against the PIL + PyTorch reference:
/// every prediction equal where the reference margin exceeds 1e-3 (or is an exact tie), scores within 2e-3,
/// group tables and summary numbers equal.
/// </summary>
public sealed class ReferenceParityTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("relation", "relation")]
    [InlineData("attribution", "attribution")]
    [InlineData("order_cases.jsonl", "coco-order")]
    public async Task Results_match_the_reference(string subsetArgument, string subsetName)
    {
        var model = SharedData.Fixtures("tiny-clip");
        var data = SharedData.Fixtures("aro-synth");
        var expected = SharedData.Fixtures("aro-synth", "expected");
        using var temp = new TempDirectory();
        var subset = subsetArgument.EndsWith(".jsonl", StringComparison.Ordinal) ? Path.Combine(data, subsetArgument) : subsetArgument;
        var request = new EvalRequest(model, subset, data, temp.Path, new EvaluationSettings(BatchSize: 16), RuntimeOptions.Default);

        var outcome = await EvalJob.RunAsync(request, new NullEvalObserver());

        var actual = CsvTable.Read(temp.File(ResultFiles.Predictions(subsetName)));
        var reference = CsvTable.Read(Path.Combine(expected, ResultFiles.Predictions(subsetName)));
        var margins = CsvTable.Read(Path.Combine(expected, "margins.csv")).Rows
            .Where(r => r["subset"] == subsetName)
            .ToDictionary(r => r["id"], r => (Margin: CsvTable.Number(r["margin"]), Tie: r["exact_tie"] == "true"));
        Assert.Equal(reference.Header, actual.Header);
        Assert.Equal(reference.Rows.Count, actual.Rows.Count);
        var maxScoreDiff = 0.0;
        var worst = new List<(double Diff, string Id)>();
        var comparedPredictions = 0;
        for (var i = 0; i < reference.Rows.Count; i++)
        {
            var want = reference.Rows[i];
            var got = actual.Rows[i];
            Assert.Equal(want["id"], got["id"]);
            Assert.Equal(want["group"], got["group"]);
            Assert.Equal(want["label"], got["label"]);
            foreach (var column in reference.Header.Where(h => h.StartsWith("score_", StringComparison.Ordinal)))
            {
                var diff = Math.Abs(CsvTable.Number(want[column]) - CsvTable.Number(got[column]));
                maxScoreDiff = Math.Max(maxScoreDiff, diff);
                worst.Add((diff, $"{want["id"]}.{column}"));
            }

            var (margin, tie) = margins[want["id"]];
            if (margin > 1e-3 || tie)
            {
                Assert.True(want["prediction"] == got["prediction"], $"{want["id"]}: prediction {got["prediction"]}, reference {want["prediction"]} (margin {margin})");
                comparedPredictions++;
            }
        }

        foreach (var (diff, id) in worst.OrderByDescending(w => w.Diff).Take(5))
        {
            output.WriteLine($"  {id}: {diff:E2}");
        }

        output.WriteLine($"{subsetName}: {actual.Rows.Count} cases, {comparedPredictions} predictions compared, max |score diff| {maxScoreDiff:E2}");
        Assert.True(maxScoreDiff <= 2e-3, $"max score difference {maxScoreDiff}");

        var groups = CsvTable.Read(temp.File(ResultFiles.Groups(subsetName)));
        var referenceGroups = CsvTable.Read(Path.Combine(expected, ResultFiles.Groups(subsetName)));
        Assert.Equal(referenceGroups.Rows.Select(r => string.Join(',', r.Values)), groups.Rows.Select(r => string.Join(',', r.Values)));

        var summary = CsvTable.Read(temp.File(ResultFiles.Summary)).Rows.Single();
        var referenceSummary = CsvTable.Read(Path.Combine(expected, ResultFiles.Summary)).Rows.Single(r => r["subset"] == subsetName);
        Assert.Equal(referenceSummary, summary);
        Assert.Equal(subsetName, outcome.Summaries.Single().Subset.Name);
    }
}
