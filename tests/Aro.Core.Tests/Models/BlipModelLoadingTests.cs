using System.Text.Json.Nodes;
using Aro.Core.Models;
using Aro.Core.Models.Scoring;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Models;

/// <summary>
/// Loading BLIP packages: the default itm+itc build, <c>--scoring itc</c>, and the errors a package that does not fit
/// must give before any case is read.
/// </summary>
public sealed class BlipModelLoadingTests
{
    private static string TinyBlip => RepoPaths.InRepo("tests", "fixtures", "tiny-blip");

    [Fact]
    public void Default_scoring_builds_the_itm_graph_and_asks_for_token_features()
    {
        using var model = LoadedModel.Load(ModelPackageLoader.Load(TinyBlip), RuntimeOptions.Default);

        Assert.Equal(ScoringMode.ItmPlusItc, model.Scoring);
        Assert.IsType<ItmItcScorer>(model.Scorer);
        Assert.Equal("itm", Assert.Single(model.ScoringGraphs).Role);
        Assert.Equal(16, model.EmbeddingSize);
        Assert.Equal(145 * 32, model.ImageEncoder.Encode(new float[model.Transform.TensorLength], 1)[0].TokenFeatures?.Length);
    }

    [Fact]
    public void Scoring_itc_uses_the_cosine_alone_and_no_token_features()
    {
        using var model = LoadedModel.Load(ModelPackageLoader.Load(TinyBlip), RuntimeOptions.Default, ScoringMode.Itc);

        Assert.Same(CosineScorer.Instance, model.Scorer);
        Assert.Empty(model.ScoringGraphs);
        Assert.Null(model.ImageEncoder.Encode(new float[model.Transform.TensorLength], 1)[0].TokenFeatures);
    }

    [Fact]
    public void Itm_scoring_without_an_itm_graph_is_a_clear_error()
    {
        using var temp = new TempDirectory();
        CopyPackage(temp.Path, manifest =>
        {
            manifest["itm_model"] = null;
            manifest["scoring"] = "itc";
        }, except: "itm_model.onnx");
        var package = ModelPackageLoader.Load(temp.Path);

        var error = Assert.Throws<AroInputException>(() => LoadedModel.Load(package, RuntimeOptions.Default, ScoringMode.ItmPlusItc));

        Assert.Contains("itm_model.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains("--scoring itc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_itm_graph_with_other_input_names_is_refused_naming_expected_and_found()
    {
        using var temp = new TempDirectory();
        CopyPackage(temp.Path, _ => { }, except: "itm_model.onnx");
        // A graph with input_ids and attention_mask but no image_feats: the text encoder.
        File.Copy(Path.Combine(TinyBlip, "text_model.onnx"), Path.Combine(temp.Path, "itm_model.onnx"));
        var package = ModelPackageLoader.Load(temp.Path);

        var error = Assert.Throws<AroInputException>(() => LoadedModel.Load(package, RuntimeOptions.Default));

        Assert.Contains("itm_model.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains("image_feats float32 [batch, tokens, width]", error.Message, StringComparison.Ordinal);
        Assert.Contains("found input_ids", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enc_id_without_a_manifest_entry_follows_blip_after_the_vocabulary()
    {
        using var temp = new TempDirectory();
        CopyPackage(temp.Path, manifest => ((JsonObject)manifest["tokenizer"]!).Remove("enc_token_id"));

        var package = ModelPackageLoader.Load(temp.Path);

        // vocab.txt has 297 lines: [DEC] = 297, [ENC] = 298, as the package's own manifest states.
        Assert.Equal(298, package.Tokenizer.EncTokenId);
        Assert.Contains(package.Notes, n => n.Contains("[ENC] id 298", StringComparison.Ordinal));
    }

    private static void CopyPackage(string destination, Action<JsonObject> editManifest, string? except = null)
    {
        foreach (var file in Directory.EnumerateFiles(TinyBlip))
        {
            var name = Path.GetFileName(file);
            if (name != except && name != "aro-model.json")
            {
                File.Copy(file, Path.Combine(destination, name));
            }
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(TinyBlip, "aro-model.json")))!.AsObject();
        editManifest(manifest);
        File.WriteAllText(Path.Combine(destination, "aro-model.json"), manifest.ToJsonString());
    }
}
