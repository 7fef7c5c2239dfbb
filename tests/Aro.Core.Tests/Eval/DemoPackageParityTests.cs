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
/// models/demo (dynamic sequence axis, its own BPE vocabulary) on data/demo against the PyTorch scores that
/// scripts/make_test_models.py computed from the same weights: same graph, so scores within 1e-4.
/// These need nothing from the shared reference data and always run.
/// </summary>
public sealed class DemoPackageParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("relation", "relation")]
    [InlineData("attribution", "attribution")]
    [InlineData("cases.jsonl", "cases")]
    public async Task Scores_match_pytorch_within_1e4(string subsetArgument, string reference)
    {
        var data = RepoPaths.InRepo("data", "demo");
        using var temp = new TempDirectory();
        var subset = subsetArgument.EndsWith(".jsonl", StringComparison.Ordinal) ? Path.Combine(data, subsetArgument) : subsetArgument;
        var request = new EvalRequest(RepoPaths.InRepo("models", "demo"), subset, data, temp.Path,
            new EvaluationSettings(BatchSize: 7), RuntimeOptions.Default);

        var outcome = await EvalJob.RunAsync(request, new NullEvalObserver());

        var name = outcome.Summaries.Single().Subset.Name;
        var comparison = ScoreComparison.Compare(temp.File(ResultFiles.Predictions(name)),
            RepoPaths.InRepo("tests", "fixtures", "reference", "demo", "scores", reference + ".csv"));
        output.WriteLine($"{reference}: {comparison.Cases} cases, max |score difference| {comparison.MaxScoreDifference:E2}, {comparison.PredictionsCompared} predictions compared");
        Assert.True(comparison.Cases >= 20);
        Assert.True(comparison.MaxScoreDifference < 1e-4, $"max score difference {comparison.MaxScoreDifference}");
        Assert.Empty(comparison.PredictionMismatches);
    }
}
