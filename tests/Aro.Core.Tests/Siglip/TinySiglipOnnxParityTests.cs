using Aro.Core.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Siglip;

/// <summary>
/// tests/fixtures/tiny-siglip's graphs in ONNX Runtime on the reference inputs (PyTorch-preprocessed pixels, the
/// Python tokenizer's 64 ids) against the PyTorch pooled outputs of the same seeded towers
/// (scripts/make_tiny_siglip.py). No family wiring: the graphs, the references and aro's SigLIP tokenizer only.
/// </summary>
public sealed class TinySiglipOnnxParityTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void Graphs_have_the_transformers_js_signature()
    {
        using var vision = new GraphRunner(TinySiglipReference.Graph("vision_model"));
        using var text = new GraphRunner(TinySiglipReference.Graph("text_model"));

        Assert.Equal(["pixel_values"], vision.Inputs.Keys);
        Assert.Equal(["input_ids"], text.Inputs.Keys); // no attention_mask: padding is seen by every position
        Assert.Equal(TensorElementType.Int64, text.Inputs["input_ids"].ElementDataType);
        Assert.Equal([-1, -1], text.Inputs["input_ids"].Dimensions); // dynamic batch and sequence
        Assert.Equal([-1, 3, 32, 32], vision.Inputs["pixel_values"].Dimensions);
        foreach (var graph in new[] { vision, text })
        {
            Assert.Equal(["last_hidden_state", "pooler_output"], graph.Outputs.Keys);
            Assert.Equal([-1, TinySiglipReference.Width], graph.Outputs["pooler_output"].Dimensions);
        }
    }

    [Fact]
    public void Vision_pooler_output_equals_pytorch_on_the_reference_pixels()
    {
        using var vision = new GraphRunner(TinySiglipReference.Graph("vision_model"));
        var expected = TinySiglipReference.ImageEmbeddings();
        var cases = TinySiglipReference.PixelCases;
        var batch = cases.SelectMany(TinySiglipReference.Pixels).ToArray();
        Assert.Equal(cases.Length * 3 * 32 * 32, batch.Length);

        var pooled = vision.Run(batch, [cases.Length, 3, 32, 32])["pooler_output"];

        var worst = 0.0;
        for (var i = 0; i < cases.Length; i++)
        {
            worst = Math.Max(worst, TinySiglipReference.MaxAbsDifference(pooled.AsSpan(i * 32, 32), expected[cases[i]]));
        }

        output.WriteLine($"vision pooler_output: max |ONNX Runtime - PyTorch| {worst:E2} over {cases.Length} images");
        Assert.True(worst <= Tolerance, $"max difference {worst}");
    }

    [Fact]
    public void Text_pooler_output_equals_pytorch_on_the_64_reference_ids_of_every_caption()
    {
        using var text = new GraphRunner(TinySiglipReference.Graph("text_model"));
        var tokens = TinySiglipReference.Tokens();
        var expected = TinySiglipReference.TextEmbeddings();

        var pooled = text.Run(tokens.SelectMany(t => t.Ids).ToArray(), [tokens.Count, TinySiglipReference.Context])["pooler_output"];

        var worst = 0.0;
        for (var i = 0; i < tokens.Count; i++)
        {
            worst = Math.Max(worst, TinySiglipReference.MaxAbsDifference(pooled.AsSpan(i * 32, 32), expected[tokens[i].Caption]));
        }

        output.WriteLine($"text pooler_output: max |ONNX Runtime - PyTorch| {worst:E2} over {tokens.Count} captions");
        Assert.True(tokens.Count > 200);
        Assert.True(worst <= Tolerance, $"max difference {worst}");
    }

    [Fact]
    public void Trimming_the_padding_changes_every_embedding()
    {
        // The text tower pools the LAST position and has no mask: fed only up to </s>, it pools </s> at another
        // position after attending to fewer tokens. This is why SigLIP batches must be padded to 64.
        using var text = new GraphRunner(TinySiglipReference.Graph("text_model"));
        var tokenizer = SiglipTokenizer.LoadPackage(TinySiglipReference.Package);
        var expected = TinySiglipReference.TextEmbeddings();
        var smallest = double.MaxValue;
        var worstCosine = 1.0;
        var compared = 0;
        foreach (var (caption, _) in TinySiglipReference.Tokens())
        {
            var ids = tokenizer.Encode(caption);
            if (ids.Length == TinySiglipReference.Context)
            {
                continue;
            }

            var trimmed = text.Run(Array.ConvertAll(ids, v => (long)v), [1, ids.Length])["pooler_output"];
            smallest = Math.Min(smallest, TinySiglipReference.MaxAbsDifference(trimmed, expected[caption]));
            worstCosine = Math.Min(worstCosine, TinySiglipReference.Cosine(trimmed, expected[caption]));
            compared++;
        }

        output.WriteLine($"trimmed vs padded: {compared} captions, smallest max |difference| {smallest:F3}, lowest cosine {worstCosine:F3}");
        Assert.True(compared > 200);
        Assert.True(smallest > 0.1, $"a trimmed caption's embedding moved by only {smallest}");
    }

    [Theory]
    [InlineData("relation")]
    [InlineData("attribution")]
    [InlineData("cases")]
    public void Reference_scores_are_the_cosine_of_the_reference_embeddings(string subset)
    {
        // The score files are what a SigLIP evaluation of data/demo must reproduce; check that they are the cosine
        // of the embeddings above, with the captions the cases hold (so the fixture is one consistent set).
        var images = TinySiglipReference.ImageEmbeddings();
        var texts = TinySiglipReference.TextEmbeddings();
        var cases = DemoCases.Read(subset).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var rows = TinySiglipReference.Scores(subset);
        Assert.Equal(cases.Count, rows.Count);

        var worst = 0.0;
        foreach (var (id, scores) in rows)
        {
            var options = cases[id].Options;
            Assert.Equal(options.Count, scores.Length);
            for (var k = 0; k < scores.Length; k++)
            {
                worst = Math.Max(worst, Math.Abs(TinySiglipReference.Cosine(images[id], texts[options[k]]) - scores[k]));
            }
        }

        Assert.True(worst < 1e-6, $"max difference {worst}");
    }
}
