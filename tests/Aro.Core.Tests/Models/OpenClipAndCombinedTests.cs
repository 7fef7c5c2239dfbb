using Aro.Core.Models;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Models;

/// <summary>
/// The two other shapes exports come in. open_clip-style folders (<c>visual/model.onnx</c>, <c>textual/model.onnx</c>,
/// inputs <c>image</c>/<c>text</c>) load once the manifest maps their names; a combined <c>model.onnx</c> (one graph
/// taking <c>pixel_values</c> and <c>input_ids</c>) is explained with the one-line recipe that splits it, and only a real
/// combined graph is. Graphs: scripts/make_bad_models.py, whose combined_split_* files are that recipe's output.
/// </summary>
public sealed class OpenClipAndCombinedTests
{
    private const string OpenClipManifest = """
        {"format": 1, "text_input": "text", "vision_output": "image_features", "text_output": "text_features"}
        """;

    [Fact]
    public void An_open_clip_folder_is_found_and_says_which_input_to_map()
    {
        using var temp = new TempDirectory();
        TinyPackage.Make(temp.Path, "openclip_visual.onnx", "openclip_textual.onnx", Path.Combine("visual", "model.onnx"), Path.Combine("textual", "model.onnx"));
        temp.Write("aro-model.json", """{"format": 1, "vision_output": "image_features", "text_output": "text_features"}""");
        var package = ModelPackageLoader.Load(temp.Path);

        Assert.Equal("open_clip", package.Layout);
        var error = Assert.Throws<AroInputException>(() => LoadedModel.Load(package, RuntimeOptions.Default));
        Assert.Contains("found text int64 [batch, 77]; if that input takes the token ids (open_clip exports call it 'text'), name it in aro-model.json: \"text_input\": \"text\"", error.Message);
    }

    [Fact]
    public void An_open_clip_folder_with_its_names_mapped_gives_the_embeddings_of_the_same_towers()
    {
        using var temp = new TempDirectory();
        var dir = TinyPackage.Make(temp.File("openclip"), "openclip_visual.onnx", "openclip_textual.onnx", Path.Combine("visual", "model.onnx"), Path.Combine("textual", "model.onnx"));
        File.WriteAllText(Path.Combine(dir, "aro-model.json"), OpenClipManifest);
        using var openClip = LoadedModel.Load(ModelPackageLoader.Load(dir), RuntimeOptions.Default);
        using var reference = LoadedModel.Load(ModelPackageLoader.Load(TinyPackage.Make(temp.File("ok"), "vision_ok.onnx", "text_fixed77.onnx")), RuntimeOptions.Default);

        var pixels = TinyPackage.Pixels(2);
        var ids = openClip.Tokenizer.Encode("a red square left of a blue circle");
        Assert.Equal(reference.ImageEncoder.Encode(pixels, 2)[1].Embedding, openClip.ImageEncoder.Encode(pixels, 2)[1].Embedding);
        Assert.Equal(reference.TextEncoder.Encode([ids])[0], openClip.TextEncoder.Encode([ids])[0]);
        Assert.Equal("image_features", ((OnnxImageEncoder)openClip.ImageEncoder).EmbeddingOutput);
    }

    [Fact]
    public void A_manifest_input_the_graph_lacks_is_named()
    {
        using var temp = new TempDirectory();
        TinyPackage.Make(temp.Path, "openclip_visual.onnx", "openclip_textual.onnx", Path.Combine("visual", "model.onnx"), Path.Combine("textual", "model.onnx"));
        temp.Write("aro-model.json", """{"format": 1, "vision_input": "pixels", "text_input": "text"}""");

        var error = Assert.Throws<AroInputException>(() => LoadedModel.Load(ModelPackageLoader.Load(temp.Path), RuntimeOptions.Default));

        Assert.Contains("aro-model.json names vision_input 'pixels', which the graph does not have; found image float32 [batch, 3, 224, 224]", error.Message);
    }

    [Fact]
    public void A_combined_graph_is_explained_with_the_recipe_that_splits_it()
    {
        using var temp = new TempDirectory();
        TinyPackage.Copy(TinyPackage.Graph("combined_model.onnx"), temp.File("onnx", "model.onnx"));

        var error = Assert.Throws<AroInputException>(() => ModelPackageLoader.Load(temp.Path));

        Assert.Contains("no vision (image) encoder: expected vision_model.onnx, onnx/vision_model.onnx or visual/model.onnx, found onnx/model.onnx.", error.Message);
        Assert.Contains("onnx/model.onnx is one graph holding both towers (inputs input_ids, pixel_values, attention_mask)", error.Message);
        Assert.Contains(
            "python -c \"import onnx.utils as u; u.extract_model('onnx/model.onnx', 'onnx/vision_model.onnx', ['pixel_values'], ['image_embeds']); " +
            "u.extract_model('onnx/model.onnx', 'onnx/text_model.onnx', ['input_ids', 'attention_mask'], ['text_embeds'])\"",
            error.Message);
    }

    [Fact]
    public void A_model_onnx_that_is_one_tower_gets_no_combined_graph_message()
    {
        using var temp = new TempDirectory();
        TinyPackage.Copy(TinyPackage.Graph("vision_ok.onnx"), temp.File("onnx", "model.onnx"));

        var error = Assert.Throws<AroInputException>(() => ModelPackageLoader.Load(temp.Path));

        Assert.Contains("found onnx/model.onnx.", error.Message);
        Assert.DoesNotContain("both towers", error.Message);
    }

    [Fact]
    public void The_split_graphs_load_and_give_the_towers_embeddings()
    {
        using var temp = new TempDirectory();
        var split = TinyPackage.Make(temp.File("split"), "combined_split_vision.onnx", "combined_split_text.onnx",
            Path.Combine("onnx", "vision_model.onnx"), Path.Combine("onnx", "text_model.onnx"));
        using var fromSplit = LoadedModel.Load(ModelPackageLoader.Load(split), RuntimeOptions.Default);
        using var reference = LoadedModel.Load(ModelPackageLoader.Load(TinyPackage.Make(temp.File("ok"), "vision_ok.onnx", "text_ok.onnx")), RuntimeOptions.Default);

        var pixels = TinyPackage.Pixels(3);
        var ids = fromSplit.Tokenizer.Encode("two shapes");
        Assert.Equal(reference.ImageEncoder.Encode(pixels, 3)[2].Embedding, fromSplit.ImageEncoder.Encode(pixels, 3)[2].Embedding);
        Assert.Equal(reference.TextEncoder.Encode([ids])[0], fromSplit.TextEncoder.Encode([ids])[0]);
    }
}
