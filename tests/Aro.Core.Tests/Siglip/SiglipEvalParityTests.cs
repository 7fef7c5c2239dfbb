using System.Globalization;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Siglip;

/// <summary>
/// aro eval with tests/fixtures/tiny-siglip on data/demo — VG-Relation, VG-Attribution, the frozen Order cases and the
/// seven SugarCrepe subsets — against the PyTorch references of scripts/make_tiny_siglip.py (SiglipTokenizer's ids,
/// SiglipImageProcessor's pixels, the towers' pooler_output, cosine): scores within 1e-4, every prediction the first
/// argmax of the reference scores (VG, Order) or the official SugarCrepe rule, exact ties included, and SugarCrepe's
/// accuracies equal to the reference's.
/// </summary>
public sealed class SiglipEvalParityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_demo_subset_scores_and_predicts_as_the_pytorch_reference()
    {
        using var temp = new TempDirectory();
        var cases = RepoPaths.InRepo("data", "demo", "cases.jsonl");
        var request = new EvalRequest(TinySiglipReference.Package, $"relation,attribution,{cases},sugarcrepe", RepoPaths.InRepo("data", "demo"), temp.Path,
            new EvaluationSettings(BatchSize: 5), RuntimeOptions.Default, NoCache: true);

        var outcome = await EvalJob.RunAsync(request, new NullEvalObserver());

        Assert.Equal("siglip", outcome.Manifest.Model.Family);
        Assert.Equal("fp32", outcome.Manifest.Model.Variant);
        foreach (var (stem, reference) in new[] { ("relation", "relation"), ("attribution", "attribution"), ("coco-order", "cases") })
        {
            var comparison = ScoreComparison.Compare(temp.File(ResultFiles.Predictions(stem)), TinySiglipReference.File("scores", reference + ".csv"), margin: 1e-4);
            output.WriteLine($"{stem}: {comparison.Cases} cases, max |score difference| {comparison.MaxScoreDifference:E2}, {comparison.PredictionsCompared} predictions compared");
            Assert.True(comparison.Cases > 15);
            Assert.True(comparison.MaxScoreDifference < 1e-4, $"{stem}: {comparison.MaxScoreDifference}");
            Assert.Equal(comparison.Cases, comparison.PredictionsCompared);
            Assert.Empty(comparison.PredictionMismatches);
        }

        var expected = CsvTable.Read(TinySiglipReference.File("expected", "sugarcrepe.csv")).Rows.ToDictionary(r => r["subset"]);
        var sugarcrepe = outcome.Summaries.Where(s => s.Subset.Name.StartsWith("sugarcrepe-", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, sugarcrepe.Count);
        var ties = 0;
        foreach (var summary in sugarcrepe)
        {
            var name = summary.Subset.Name;
            var predictions = CsvTable.Read(temp.File(ResultFiles.Predictions(name))).Rows.ToDictionary(r => r["id"]);
            var worst = 0.0;
            foreach (var row in CsvTable.Read(TinySiglipReference.File("scores", name + ".csv")).Rows)
            {
                var got = predictions[row["id"]];
                var (positive, negative) = (CsvTable.Number(row["score_0"]), CsvTable.Number(row["score_1"]));
                worst = Math.Max(worst, Math.Max(Math.Abs(positive - CsvTable.Number(got["score_0"])), Math.Abs(negative - CsvTable.Number(got["score_1"]))));
                // SugarCrepe's main_eval.py: correct iff the caption scores strictly higher, so a tie is wrong.
                Assert.Equal(positive > negative ? "0" : "1", got["prediction"]);
                ties += positive == negative ? 1 : 0;
            }

            output.WriteLine($"{name}: {summary.Samples} cases, accuracy {summary.MetricOfRecord:F4}, max |score difference| {worst:E2}");
            Assert.True(worst < 1e-4, $"{name}: {worst}");
            Assert.Equal(int.Parse(expected[name]["correct"], CultureInfo.InvariantCulture), summary.Correct);
            Assert.Equal(expected[name]["accuracy"], CsvFormat.Fixed7(summary.MetricOfRecord));
        }

        Assert.Equal(1, ties);
    }

    [Fact]
    public void SugarCrepe_caption_ids_equal_the_reference()
    {
        using var model = LoadedModel.Load(ModelPackageLoader.Load(TinySiglipReference.Package), RuntimeOptions.Default);
        var tokenizer = (Aro.Core.Text.SiglipTokenizer)model.Tokenizer;
        var rows = CsvTable.Read(TinySiglipReference.File("benchmark-tokens.csv")).Rows;

        Assert.True(rows.Count > 20);
        foreach (var row in rows)
        {
            Assert.Equal(row["ids"], string.Join(' ', tokenizer.EncodePadded(row["caption"])));
        }
    }
}
