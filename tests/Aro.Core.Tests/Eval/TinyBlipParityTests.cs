using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Eval;

/// <summary>
/// tests/fixtures/tiny-blip on data/demo, end to end through <see cref="EvalJob"/>, against the PyTorch scores
/// scripts/make_test_models.py computed from the same weights: ITC alone (<c>--scoring itc</c>) and ARO's BLIP
/// score, ITM positive logit + ITC cosine (the package default). Scores within 1e-4; predictions equal where the
/// reference margin exceeds 1e-3 or is an exact tie. These need nothing from the shared reference data and always run.
/// </summary>
public sealed class TinyBlipParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("relation", "relation", "itm+itc")]
    [InlineData("attribution", "attribution", "itm+itc")]
    [InlineData("cases.jsonl", "cases", "itm+itc")]
    [InlineData("relation", "relation", "itc")]
    [InlineData("attribution", "attribution", "itc")]
    [InlineData("cases.jsonl", "cases", "itc")]
    public async Task Scores_match_pytorch_within_1e4(string subsetArgument, string reference, string scoring)
    {
        var data = RepoPaths.InRepo("data", "demo");
        using var temp = new TempDirectory();
        var subset = subsetArgument.EndsWith(".jsonl", StringComparison.Ordinal) ? Path.Combine(data, subsetArgument) : subsetArgument;
        var mode = ScoringModes.Parse(scoring);
        var request = new EvalRequest(RepoPaths.InRepo("tests", "fixtures", "tiny-blip"), subset, data, temp.Path,
            new EvaluationSettings(BatchSize: 7), RuntimeOptions.Default, scoring == "itc" ? mode : null);

        var outcome = await EvalJob.RunAsync(request, new NullEvalObserver());

        Assert.Equal(scoring, outcome.Manifest.Model.Scoring);
        var name = outcome.Summaries.Single().Subset.Name;
        var suffix = scoring == "itc" ? ".itc.csv" : ".csv";
        var comparison = ScoreComparison.Compare(temp.File(ResultFiles.Predictions(name)),
            RepoPaths.InRepo("tests", "fixtures", "reference", "tiny-blip", "scores", reference + suffix));
        output.WriteLine($"{reference} ({scoring}): {comparison.Cases} cases, max |score difference| {comparison.MaxScoreDifference:E2}, {comparison.PredictionsCompared} predictions compared");
        Assert.True(comparison.Cases >= 20);
        Assert.True(comparison.PredictionsCompared >= comparison.Cases / 2, $"only {comparison.PredictionsCompared} predictions compared");
        Assert.True(comparison.MaxScoreDifference < 1e-4, $"max score difference {comparison.MaxScoreDifference}");
        Assert.Empty(comparison.PredictionMismatches);
    }

    [Fact]
    public async Task Evaluation_writes_every_result_file_and_records_the_itm_graph()
    {
        var data = RepoPaths.InRepo("data", "demo");
        using var temp = new TempDirectory();
        var request = new EvalRequest(RepoPaths.InRepo("tests", "fixtures", "tiny-blip"), "relation,attribution", data, temp.Path,
            new EvaluationSettings(BatchSize: 5), RuntimeOptions.Default);

        var outcome = await EvalJob.RunAsync(request, new NullEvalObserver());

        Assert.Equal(["relation", "attribution"], outcome.Summaries.Select(s => s.Subset.Name));
        Assert.Equal([24, 30], outcome.Summaries.Select(s => s.Samples));
        Assert.Equal("blip", outcome.Manifest.Model.Family);
        Assert.Contains(outcome.Manifest.Model.Files, f => Path.GetFileName(f.Path) == "itm_model.onnx");
        foreach (var file in new[] { ResultFiles.Summary, ResultFiles.Run, ResultFiles.Predictions("relation"), ResultFiles.Groups("attribution") })
        {
            Assert.True(File.Exists(temp.File(file)), file);
        }
    }
}
