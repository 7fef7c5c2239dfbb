using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.Core.Pipeline;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Eval;

/// <summary>
/// The whole evaluation on the shared fixtures tiny-clip + aro-synth (<see cref="SharedData"/>) against the PIL + PyTorch reference
/// (see <see cref="ExpectedResults"/>). Measured: max |score difference| 1.8e-6, every prediction equal.
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
        using var temp = new TempDirectory();
        var subset = subsetArgument.EndsWith(".jsonl", StringComparison.Ordinal) ? Path.Combine(data, subsetArgument) : subsetArgument;
        var request = new EvalRequest(model, subset, data, temp.Path, new EvaluationSettings(BatchSize: 16), RuntimeOptions.Default);

        var outcome = await EvalJob.RunAsync(request, new NullEvalObserver());

        var maxDiff = ExpectedResults.AssertSubsetMatches(temp.Path, subsetName);
        if (subsetName == "coco-order")
        {
            AssertDiagnosticsAgreeWithPredictions(Path.Combine(data, subsetArgument), temp.Path);
        }

        output.WriteLine($"{subsetName}: max |score difference| {maxDiff:E2}");
        Assert.Equal(subsetName, outcome.Summaries.Single().Subset.Name);
    }

    /// <summary>
    /// The rows of coco-order.perturbations.csv, recomputed here from the cases file and the predictions:
    /// wins_when_wrong counts wrong cases whose winning option is that perturbation; identical counts cases whose
    /// perturbed option equals the original string.
    /// </summary>
    private static void AssertDiagnosticsAgreeWithPredictions(string casesFile, string resultsDir)
    {
        var names = new[] { "shuffle_nouns_and_adj", "shuffle_allbut_nouns_and_adj", "shuffle_within_trigrams", "shuffle_trigrams" };
        var captions = File.ReadLines(casesFile)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("captions").EnumerateArray().Select(c => c.GetString()!).ToArray())
            .ToList();
        var predictions = CsvTable.Read(Path.Combine(resultsDir, "coco-order.predictions.csv")).Rows.Select(r => int.Parse(r["prediction"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var rows = CsvTable.Read(Path.Combine(resultsDir, "coco-order.perturbations.csv")).Rows.ToDictionary(r => r["perturbation"]);
        var wrong = predictions.Count(p => p != 0);
        string Int(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(names, rows.Keys);
        for (var p = 0; p < names.Length; p++)
        {
            var wins = predictions.Count(x => x == p + 1);
            var identical = captions.Count(c => c[p + 1] == c[0]);
            var row = rows[names[p]];
            Assert.Equal(Int(wins), row["wins_when_wrong"]);
            Assert.Equal(Int(wrong), row["wrong_cases"]);
            Assert.Equal(((double)wins / wrong).ToString("F7", System.Globalization.CultureInfo.InvariantCulture), row["wins_share"]);
            Assert.Equal(Int(identical), row["identical"]);
            Assert.Equal(Int(captions.Count), row["cases"]);
        }

        Assert.True(captions.Any(c => c[1] == c[0]), "the fixture has string-identical options");
    }
}
