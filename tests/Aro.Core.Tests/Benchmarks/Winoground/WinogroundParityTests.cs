using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Benchmarks.Winoground;

/// <summary>
/// Winoground on data/demo/winoground against the PyTorch reference of scripts/make_benchmark_demos.py, which scores
/// like CLIP_benchmark's Winoground task (RGB images, the model's transform, cosine; BLIP with ITM + ITC) and applies
/// the text, image and group rules with strict comparisons: every instance's four scores within 1e-4 and its three
/// outcomes equal (the demo's identical-image instance included), and the scores table equal.
/// </summary>
public sealed class WinogroundParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("models/demo", "demo")]
    [InlineData("tests/fixtures/tiny-blip", "tiny-blip")]
    public async Task Instances_score_and_count_as_the_reference(string model, string reference)
    {
        using var temp = new TempDirectory();
        var outcome = await EvalJob.RunAsync(
            new EvalRequest(RepoPaths.InRepo(model.Split('/')), "winoground", RepoPaths.InRepo("data", "demo"), temp.Path,
                new EvaluationSettings(BatchSize: 3), RuntimeOptions.Default, NoCache: true),
            new NullEvalObserver());

        var expected = CsvTable.Read(RepoPaths.InRepo("tests", "fixtures", "reference", reference, "scores", "winoground.csv")).Rows;
        var actual = CsvTable.Read(temp.File(ResultFiles.Predictions("winoground"))).Rows;
        Assert.Equal(expected.Count, actual.Count);
        var worst = 0.0;
        var ties = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i]["id"], actual[i]["id"]);
            Assert.Equal(expected[i]["collapsed_tag"], actual[i]["collapsed_tag"]);
            foreach (var score in new[] { "s_c0_i0", "s_c0_i1", "s_c1_i0", "s_c1_i1" })
            {
                worst = Math.Max(worst, Math.Abs(CsvTable.Number(expected[i][score]) - CsvTable.Number(actual[i][score])));
            }

            foreach (var outcomeColumn in new[] { "text_correct", "image_correct", "group_correct" })
            {
                Assert.Equal(expected[i][outcomeColumn], actual[i][outcomeColumn]);
            }

            ties += expected[i]["s_c0_i0"] == expected[i]["s_c0_i1"] ? 1 : 0;
        }

        output.WriteLine($"{reference}: max |score difference| {worst:E2}, group score {outcome.Summaries[0].MetricOfRecord:F4}");
        Assert.True(worst < 1e-4, $"max score difference {worst}");
        Assert.Equal(1, ties);
        Assert.Equal(File.ReadAllText(RepoPaths.InRepo("tests", "fixtures", "reference", reference, "expected", "winoground.scores.csv")),
            File.ReadAllText(temp.File(ResultFiles.Scores("winoground"))));
        var summary = CsvTable.Read(temp.File(ResultFiles.Summary)).Rows.Single();
        var all = CsvTable.Read(temp.File(ResultFiles.Scores("winoground"))).Rows[0];
        Assert.Equal(("winoground", "8", all["group_score"], all["group_score"]),
            (summary["subset"], summary["samples"], summary["micro_accuracy"], summary["macro_accuracy"]));
    }
}
