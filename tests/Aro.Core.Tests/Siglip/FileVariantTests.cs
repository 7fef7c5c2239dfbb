using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Siglip;

/// <summary>
/// The transformers.js / Optimum file variants of tests/fixtures/tiny-siglip (scripts/onnx_variants.py) in ONNX
/// Runtime 1.31: each loads and runs on the CPU, float16 files take and give float16, and their pooled outputs
/// and the data/demo cosine scores stay near the fp32 graphs'. The printed numbers are the accuracy cost of each
/// variant on this fixture (how far embeddings and scores move, how many predictions change).
/// </summary>
public sealed class FileVariantTests(ITestOutputHelper output)
{
    public static TheoryData<string, double, double> Variants() => new()
    {
        // variant, lowest allowed cosine to the fp32 embedding, highest allowed |score change|
        { "fp16", 0.9999, 2e-3 },
        { "quantized", 0.99, 0.05 },
        { "int8", 0.99, 0.05 },
        { "q4", 0.85, 0.2 }, // 4-bit weights in blocks of 32: the whole width of this tiny model is one block
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Variant_runs_and_stays_near_fp32(string variant, double minimumCosine, double maximumScoreChange)
    {
        using var vision32 = new GraphRunner(TinySiglipReference.Graph("vision_model"));
        using var text32 = new GraphRunner(TinySiglipReference.Graph("text_model"));
        using var vision = new GraphRunner(TinySiglipReference.Graph("vision_model", variant));
        using var text = new GraphRunner(TinySiglipReference.Graph("text_model", variant));
        var half = variant == "fp16";
        Assert.Equal(half ? TensorElementType.Float16 : TensorElementType.Float, vision.Inputs["pixel_values"].ElementDataType);
        Assert.Equal(TensorElementType.Int64, text.Inputs["input_ids"].ElementDataType);
        foreach (var graph in new[] { vision, text })
        {
            Assert.Equal(["last_hidden_state", "pooler_output"], graph.Outputs.Keys);
            Assert.All(graph.Outputs.Values, o => Assert.Equal(half ? TensorElementType.Float16 : TensorElementType.Float, o.ElementDataType));
        }

        var cases = DemoCases.Subsets.SelectMany(s => DemoCases.Read(s).Select(c => (Subset: s, Case: c))).ToList();
        var images = cases.Select(c => c.Case.Id).Distinct().ToList();
        var pixels = images.SelectMany(id => DemoCases.SiglipPixels(cases.First(c => c.Case.Id == id).Case)).ToArray();
        long[] imageShape = [images.Count, 3, 32, 32];
        var tokens = TinySiglipReference.Tokens();
        var ids = tokens.SelectMany(t => t.Ids).ToArray();
        long[] idShape = [tokens.Count, TinySiglipReference.Context];

        var image32 = Split(vision32.Run(pixels, imageShape)["pooler_output"], images);
        var imageVariant = Split(vision.Run(pixels, imageShape)["pooler_output"], images);
        var text32Embeddings = Split(text32.Run(ids, idShape)["pooler_output"], tokens.Select(t => t.Caption).ToList());
        var textVariant = Split(text.Run(ids, idShape)["pooler_output"], tokens.Select(t => t.Caption).ToList());

        var imageCosine = images.Min(id => TinySiglipReference.Cosine(image32[id], imageVariant[id]));
        var textCosine = tokens.Min(t => TinySiglipReference.Cosine(text32Embeddings[t.Caption], textVariant[t.Caption]));
        var scoreChange = 0.0;
        var changed = 0;
        foreach (var (_, demoCase) in cases)
        {
            var before = demoCase.Options.Select(o => TinySiglipReference.Cosine(image32[demoCase.Id], text32Embeddings[o])).ToArray();
            var after = demoCase.Options.Select(o => TinySiglipReference.Cosine(imageVariant[demoCase.Id], textVariant[o])).ToArray();
            scoreChange = Math.Max(scoreChange, before.Zip(after, (a, b) => Math.Abs(a - b)).Max());
            changed += FirstArgmax(before) == FirstArgmax(after) ? 0 : 1;
        }

        output.WriteLine($"{variant}: lowest cosine to fp32 image {imageCosine:F6}, text {textCosine:F6}; max |score change| {scoreChange:E2}; "
            + $"{changed} of {cases.Count} predictions changed");
        Assert.True(imageCosine >= minimumCosine && textCosine >= minimumCosine, $"cosine to fp32: image {imageCosine}, text {textCosine}");
        Assert.True(scoreChange <= maximumScoreChange, $"a score moved by {scoreChange}");
        Assert.True(scoreChange > 0, "the variant gave the fp32 scores exactly: it is not the variant it claims to be");
    }

    private static Dictionary<string, float[]> Split(float[] pooled, IReadOnlyList<string> keys)
    {
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            result[keys[i]] = pooled.AsSpan(i * TinySiglipReference.Width, TinySiglipReference.Width).ToArray();
        }

        return result;
    }

    private static int FirstArgmax(double[] scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }
}
