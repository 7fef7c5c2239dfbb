using Aro.Core.Models;
using Aro.Core.Models.Families;
using Aro.Core.Models.Families.Siglip;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Models;

/// <summary>
/// Which output is a tower's embedding: CLIP's projected <c>*_embeds</c>, never the hidden states before the projection
/// (refused naming it), SigLIP's <c>pooler_output</c>, or what aro-model.json names. The graphs are exports without
/// their projection from scripts/make_bad_models.py.
/// </summary>
public sealed class EmbeddingOutputRuleTests
{
    [Theory]
    [InlineData("vision_pooler_only.onnx", "text_ok.onnx", "vision_model.onnx: no 'image_embeds' output, only pooler_output and last_hidden_state: those are the tower's hidden states before visual_projection")]
    [InlineData("vision_hidden_only.onnx", "text_ok.onnx", "vision_model.onnx: no 'image_embeds' output, only last_hidden_state: those are the tower's hidden states before visual_projection")]
    [InlineData("vision_ok.onnx", "text_pooler_only.onnx", "text_model.onnx: no 'text_embeds' output, only pooler_output and last_hidden_state: those are the tower's hidden states before text_projection")]
    [InlineData("vision_ok.onnx", "text_hidden_only.onnx", "text_model.onnx: no 'text_embeds' output, only last_hidden_state")]
    public void Clip_refuses_a_tower_without_its_projection_naming_it(string vision, string text, string expected)
    {
        using var temp = new TempDirectory();
        var package = ModelPackageLoader.Load(TinyPackage.Make(temp.Path, vision, text));

        var error = Assert.Throws<AroInputException>(() => LoadedModel.Load(package, RuntimeOptions.Default));

        Assert.Contains(expected, error.Message);
        Assert.Contains("aro-model.json", error.Message);
    }

    [Fact]
    public void The_manifest_chooses_an_output_explicitly()
    {
        using var temp = new TempDirectory();
        TinyPackage.Make(temp.Path, "vision_pooler_only.onnx", "text_pooler_only.onnx");
        temp.Write("aro-model.json", """{"format": 1, "vision_output": "pooler_output", "text_output": "pooler_output"}""");

        using var model = LoadedModel.Load(ModelPackageLoader.Load(temp.Path), RuntimeOptions.Default);

        Assert.Equal("pooler_output", ((OnnxImageEncoder)model.ImageEncoder).EmbeddingOutput);
        Assert.Equal("pooler_output", ((OnnxTextEncoder)model.TextEncoder).EmbeddingOutput);
    }

    [Fact]
    public void A_manifest_naming_a_missing_output_or_a_rank_3_one_is_refused()
    {
        using var temp = new TempDirectory();
        TinyPackage.Make(temp.Path, "vision_pooler_only.onnx", "text_ok.onnx");
        temp.Write("aro-model.json", """{"format": 1, "vision_output": "last_hidden_state"}""");

        var error = Assert.Throws<AroInputException>(() => LoadedModel.Load(ModelPackageLoader.Load(temp.Path), RuntimeOptions.Default));

        Assert.Contains("output last_hidden_state float32 [batch, 4, 32] should be float32 or float16 [batch, dim]", error.Message);
    }

    [Fact]
    public void Siglip_takes_pooler_output_and_refuses_hidden_states_only()
    {
        using var pooled = new Microsoft.ML.OnnxRuntime.InferenceSession(TinyPackage.Graph("vision_pooler_only.onnx"));
        using var hidden = new Microsoft.ML.OnnxRuntime.InferenceSession(TinyPackage.Graph("vision_hidden_only.onnx"));
        var family = SiglipFamily.Instance;

        Assert.Equal("pooler_output", family.EmbeddingOutput(GraphSignature.Read("vision_pooler_only.onnx", pooled), Tower.Image, null));
        var error = Assert.Throws<AroInputException>(() => family.EmbeddingOutput(GraphSignature.Read("vision_hidden_only.onnx", hidden), Tower.Image, null));
        Assert.Contains("no 'pooler_output' output, only last_hidden_state: that is every position before SigLIP's attention-pooling head", error.Message);
    }
}
