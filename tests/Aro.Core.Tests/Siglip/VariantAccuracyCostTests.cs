using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Siglip;

/// <summary>
/// What each file variant of tests/fixtures/tiny-siglip costs through aro eval itself (<c>--variant</c>; float16 graph
/// inputs and outputs fed and read as float16): every score and prediction of the 96 data/demo cases of
/// SiglipEvalParityTests against the fp32 run. The printed numbers are the ones docs/siglip.md reports; the bounds
/// catch a variant that stops running or drifts further.
/// </summary>
public sealed class VariantAccuracyCostTests(ITestOutputHelper output)
{
    public static TheoryData<string, double, int> Variants() => new()
    {
        // variant, highest allowed |score change|, most predictions allowed to change
        { "fp16", 2e-3, 0 },
        { "quantized", 0.05, 10 },
        { "int8", 0.05, 10 },
        { "q4", 0.25, 30 },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Variant_runs_end_to_end_and_stays_near_fp32(string variant, double maximumScoreChange, int maximumChangedPredictions)
    {
        using var temp = new TempDirectory();
        var baseline = await Run(temp.File("fp32"), null);
        var run = await Run(temp.File(variant), variant);

        Assert.Equal(variant, run.Manifest.Model.Variant);
        Assert.Contains(run.Manifest.Model.Files, f => f.Path.EndsWith($"vision_model_{variant}.onnx", StringComparison.Ordinal));
        var scoreChange = 0.0;
        var changed = 0;
        var cases = 0;
        foreach (var file in Directory.GetFiles(temp.File("fp32"), "*.predictions.csv"))
        {
            var after = CsvTable.Read(temp.File(variant, Path.GetFileName(file))).Rows.ToDictionary(r => r["id"]);
            foreach (var before in CsvTable.Read(file).Rows)
            {
                var row = after[before["id"]];
                foreach (var column in before.Keys.Where(k => k.StartsWith("score_", StringComparison.Ordinal)))
                {
                    scoreChange = Math.Max(scoreChange, Math.Abs(CsvTable.Number(before[column]) - CsvTable.Number(row[column])));
                }

                changed += before["prediction"] == row["prediction"] ? 0 : 1;
                cases++;
            }
        }

        output.WriteLine($"{variant}: max |score change| {scoreChange:E2}, {changed} of {cases} predictions changed");
        Assert.Equal(96, cases);
        Assert.True(scoreChange > 0, "the variant gave the fp32 scores exactly: it is not the variant it claims to be");
        Assert.True(scoreChange <= maximumScoreChange, $"a score moved by {scoreChange}");
        Assert.True(changed <= maximumChangedPredictions, $"{changed} predictions changed");
        Assert.Equal(baseline.Summaries.Count, run.Summaries.Count);
    }

    [Fact]
    public async Task Dynamic_quantisation_makes_scores_depend_on_the_batch_and_says_so()
    {
        // DynamicQuantizeLinear scales each call's activations by their range over the whole batch: the same image
        // gets another embedding beside other images. fp32 graphs are batch-independent to float rounding.
        using var temp = new TempDirectory();
        var quantizedAlone = await Run(temp.File("q1"), "quantized", batchSize: 1);
        var quantizedBatched = await Run(temp.File("q8"), "quantized", batchSize: 8);
        var fp32Alone = await Run(temp.File("f1"), null, batchSize: 1);
        var fp32Batched = await Run(temp.File("f8"), null, batchSize: 8);

        var quantized = MaxScoreDifference(quantizedAlone.OutputDirectory, quantizedBatched.OutputDirectory);
        var fp32 = MaxScoreDifference(fp32Alone.OutputDirectory, fp32Batched.OutputDirectory);
        output.WriteLine($"batch 1 against batch 8: quantized max |score change| {quantized:E2}, fp32 {fp32:E2}");
        Assert.True(quantized > 1e-3, $"quantized scores moved by only {quantized}");
        Assert.True(fp32 <= 2e-7, $"fp32 scores moved by {fp32}");
        Assert.Contains(ModelPackageLoader.Load(TinySiglipReference.Package, "quantized").Notes,
            n => n.Contains("quantises activations per call: scores depend slightly on which cases share a batch", StringComparison.Ordinal));
    }

    private static double MaxScoreDifference(string a, string b)
    {
        var worst = 0.0;
        foreach (var file in Directory.GetFiles(a, "*.predictions.csv"))
        {
            var other = CsvTable.Read(Path.Combine(b, Path.GetFileName(file))).Rows.ToDictionary(r => r["id"]);
            foreach (var row in CsvTable.Read(file).Rows)
            {
                foreach (var column in row.Keys.Where(k => k.StartsWith("score_", StringComparison.Ordinal)))
                {
                    worst = Math.Max(worst, Math.Abs(CsvTable.Number(row[column]) - CsvTable.Number(other[row["id"]][column])));
                }
            }
        }

        return worst;
    }

    private static Task<EvalOutcome> Run(string folder, string? variant, int batchSize = 8)
    {
        var cases = RepoPaths.InRepo("data", "demo", "cases.jsonl");
        return EvalJob.RunAsync(
            new EvalRequest(TinySiglipReference.Package, $"relation,attribution,{cases},sugarcrepe", RepoPaths.InRepo("data", "demo"), folder,
                new EvaluationSettings(BatchSize: batchSize), RuntimeOptions.Default, NoCache: true, Variant: variant),
            new NullEvalObserver());
    }
}
