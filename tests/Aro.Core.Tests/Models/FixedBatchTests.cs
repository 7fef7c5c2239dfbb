using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Models;

/// <summary>
/// Graphs exported with a fixed batch axis (1 or 3; scripts/make_bad_models.py) load, run in calls of exactly that
/// size whatever the pipeline's batch, and give the embeddings and results of the same graph with a dynamic batch.
/// </summary>
public sealed class FixedBatchTests
{
    [Theory]
    [InlineData("vision_batch1.onnx", "text_batch1.onnx", 1)]
    [InlineData("vision_batch3.onnx", "text_batch3.onnx", 3)]
    public void A_fixed_batch_gives_the_dynamic_graphs_embeddings_for_any_count(string vision, string text, int batch)
    {
        using var temp = new TempDirectory();
        using var fixedModel = LoadedModel.Load(ModelPackageLoader.Load(TinyPackage.Make(temp.File("fixed"), vision, text)), RuntimeOptions.Default);
        using var dynamicModel = LoadedModel.Load(ModelPackageLoader.Load(TinyPackage.Make(temp.File("dynamic"), "vision_ok.onnx", "text_blind.onnx")), RuntimeOptions.Default);
        var image = (OnnxImageEncoder)fixedModel.ImageEncoder;
        var textEncoder = (OnnxTextEncoder)fixedModel.TextEncoder;
        Assert.Equal(batch, image.FixedBatchSize);
        Assert.Equal(batch, textEncoder.FixedBatchSize);
        Assert.Null(((OnnxImageEncoder)dynamicModel.ImageEncoder).FixedBatchSize);

        var pixels = TinyPackage.Pixels(5);
        var captions = new[] { "a dog", "two red squares on a table", "x", "a blue circle", "the cat" }.Select(fixedModel.Tokenizer.Encode).ToList();
        var fixedImages = image.Encode(pixels, 5);
        var dynamicImages = dynamicModel.ImageEncoder.Encode(pixels, 5);
        var fixedTexts = textEncoder.Encode(captions);
        var dynamicTexts = dynamicModel.TextEncoder.Encode(captions);

        Assert.Equal(5, fixedImages.Count);
        Assert.Equal(5, fixedTexts.Count);
        for (var i = 0; i < 5; i++)
        {
            // One row per call may take another matrix kernel than five: equal up to float rounding.
            Assert.Equal(dynamicImages[i].Embedding, fixedImages[i].Embedding, (a, b) => Math.Abs(a - b) < 1e-6f);
            Assert.Equal(dynamicTexts[i], fixedTexts[i], (a, b) => Math.Abs(a - b) < 1e-6f);
        }
    }

    [Fact]
    public async Task A_run_with_fixed_batch_graphs_writes_the_dynamic_graphs_results()
    {
        // SugarCrepe, because its options differ in words: the tiny text tower is a bag of words, so the Order and VG
        // options, which permute the same words, tie.
        using var temp = new TempDirectory();
        var data = RepoPaths.InRepo("data", "demo");
        var fixedDir = TinyPackage.Make(temp.File("fixed"), "vision_batch1.onnx", "text_batch1.onnx");
        var dynamicDir = TinyPackage.Make(temp.File("dynamic"), "vision_ok.onnx", "text_blind.onnx");

        var viaFixed = await EvalJob.RunAsync(new EvalRequest(fixedDir, "sugarcrepe", data, temp.File("a"), new EvaluationSettings(BatchSize: 7), RuntimeOptions.Default, NoCache: true), new NullEvalObserver());
        var viaDynamic = await EvalJob.RunAsync(new EvalRequest(dynamicDir, "sugarcrepe", data, temp.File("b"), new EvaluationSettings(BatchSize: 7), RuntimeOptions.Default, NoCache: true), new NullEvalObserver());

        Assert.Equal(viaDynamic.Manifest.EncoderCalls, viaFixed.Manifest.EncoderCalls);
        var compared = 0;
        foreach (var file in Directory.GetFiles(temp.File("b"), "*.predictions.csv"))
        {
            var got = CsvTable.Read(temp.File("a", Path.GetFileName(file))).Rows.ToDictionary(r => r["id"]);
            foreach (var want in CsvTable.Read(file).Rows)
            {
                var row = got[want["id"]];
                var (w0, w1) = (CsvTable.Number(want["score_0"]), CsvTable.Number(want["score_1"]));
                Assert.True(Math.Abs(w0 - CsvTable.Number(row["score_0"])) < 1e-6 && Math.Abs(w1 - CsvTable.Number(row["score_1"])) < 1e-6, want["id"]);
                if (Math.Abs(w0 - w1) > 1e-6)
                {
                    Assert.Equal(want["prediction"], row["prediction"]);
                    compared++;
                }
            }
        }

        Assert.True(compared >= 15, $"only {compared} predictions compared");
    }

    [Fact]
    public void Inputs_fixing_different_batch_sizes_are_refused_at_load()
    {
        var signature = new GraphSignature("itm.onnx",
        [
            new TensorSignature("input_ids", Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int64, [1, 35], ["", ""]),
            new TensorSignature("attention_mask", Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int64, [2, 35], ["", ""]),
        ], []);

        var error = Assert.Throws<AroInputException>(() => BatchAxis.Fixed(signature));

        Assert.Contains("the inputs fix different batch sizes", error.Message);
    }
}
