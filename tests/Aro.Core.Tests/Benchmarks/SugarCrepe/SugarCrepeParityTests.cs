using System.Globalization;
using Aro.Core.Benchmarks.SugarCrepe;
using Aro.Core.Evaluation;
using Aro.Core.Imaging;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Tests.Imaging;
using Aro.Core.Tests.Support;
using Aro.Core.Text;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Benchmarks.SugarCrepe;

/// <summary>
/// SugarCrepe on data/demo/sugarcrepe against the PyTorch reference of scripts/make_benchmark_demos.py, which follows
/// the official main_eval.py (open_clip's transform, <c>1 if pos_score &gt; neg_score else 0</c>): token ids exact,
/// pixels exact, scores within 1e-4, every prediction the official rule's (the demo's exact tie included) and each
/// subset's accuracy the reference's.
/// </summary>
public sealed class SugarCrepeParityTests(ITestOutputHelper output)
{
    private static string Reference(params string[] parts) => RepoPaths.InRepo(["tests", "fixtures", "reference", .. parts]);

    [Theory]
    [InlineData("models/demo", "demo")]
    [InlineData("tests/fixtures/tiny-blip", "tiny-blip")]
    public async Task Every_subset_scores_and_predicts_as_the_official_code(string model, string reference)
    {
        using var temp = new TempDirectory();
        var request = new EvalRequest(RepoPaths.InRepo(model.Split('/')), "sugarcrepe", RepoPaths.InRepo("data", "demo"), temp.Path,
            new EvaluationSettings(BatchSize: 5), RuntimeOptions.Default);

        var outcome = await EvalJob.RunAsync(request, new NullEvalObserver());

        var expected = CsvTable.Read(Reference(reference, "expected", "sugarcrepe.csv")).Rows.ToDictionary(r => r["subset"]);
        Assert.Equal(SugarCrepeBenchmark.Instance.Subsets.Select(s => s.Name), outcome.Summaries.Select(s => s.Subset.Name));
        var ties = 0;
        foreach (var summary in outcome.Summaries)
        {
            var name = summary.Subset.Name;
            var predictions = CsvTable.Read(temp.File(ResultFiles.Predictions(name))).Rows.ToDictionary(r => r["id"]);
            var maxDifference = 0.0;
            foreach (var row in CsvTable.Read(Reference(reference, "scores", name + ".csv")).Rows)
            {
                var got = predictions[row["id"]];
                var (positive, negative) = (CsvTable.Number(row["score_0"]), CsvTable.Number(row["score_1"]));
                maxDifference = Math.Max(maxDifference, Math.Max(
                    Math.Abs(positive - CsvTable.Number(got["score_0"])), Math.Abs(negative - CsvTable.Number(got["score_1"]))));
                if (positive == negative || Math.Abs(positive - negative) > 1e-4)
                {
                    var officialCorrect = positive > negative;
                    Assert.Equal(officialCorrect ? "0" : "1", got["prediction"]);
                    Assert.Equal(officialCorrect ? "true" : "false", got["correct"]);
                }

                ties += positive == negative ? 1 : 0;
            }

            output.WriteLine($"{reference} {name}: {summary.Samples} cases, accuracy {summary.MetricOfRecord:F4}, max |score difference| {maxDifference:E2}");
            Assert.True(maxDifference < 1e-4, $"{name}: max score difference {maxDifference}");
            Assert.Equal(int.Parse(expected[name]["cases"], CultureInfo.InvariantCulture), summary.Samples);
            Assert.Equal(int.Parse(expected[name]["correct"], CultureInfo.InvariantCulture), summary.Correct);
            Assert.Equal(expected[name]["accuracy"], CsvFormat.Fixed7(summary.MetricOfRecord));
        }

        Assert.Equal(1, ties);
    }

    [Fact]
    public void Caption_ids_equal_the_reference()
    {
        var tokenizer = ClipBpeTokenizer.Load(RepoPaths.InRepo("models", "demo", "vocab.json"), RepoPaths.InRepo("models", "demo", "merges.txt"), 77, 0);
        var rows = CsvTable.Read(Reference("demo", "benchmark-tokens.csv")).Rows;

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.Equal(row["ids"], string.Join(' ', tokenizer.Encode(row["caption"])));
        }
    }

    [Fact]
    public void A_grayscale_jpeg_converted_first_gives_open_clips_pixels_converted_last()
    {
        var spec = ImageTransformSpec.Clip();
        var image = new ImageLoader().Load(RepoPaths.InRepo("data", "demo", "sugarcrepe", "val2017", "000000000103.jpg"));
        var tensor = new float[3 * 224 * 224];
        new ClipImageTransform(spec).Apply(image, tensor);

        var reference = ClipImageTransformParityTests.ReadFloats(Reference("demo", "pixels", "sugarcrepe-000000000103.f32"));
        var (max, mean) = ClipImageTransformParityTests.LevelDifference(tensor, reference, spec);

        Assert.Equal(0, max);
        Assert.Equal(0, mean);
    }
}
