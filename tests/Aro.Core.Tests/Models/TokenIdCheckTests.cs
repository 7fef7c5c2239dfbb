using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Core.Models;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Models;

/// <summary>
/// Every id the tokenizer can give, pad id included, must index the text graph's token embedding table where the graph
/// shows it. Row counts are those the onnx package reports for the committed graphs (models/demo's
/// token_embedding.weight is [874, 32], tiny-blip's blip.text_encoder.word_embeddings.weight [299, 32]).
/// </summary>
public sealed class TokenIdCheckTests
{
    private static readonly string Demo = RepoPaths.InRepo("models", "demo");

    [Fact]
    public void The_token_table_is_read_from_the_graph()
    {
        Assert.Equal(new TokenTable("token_embedding.weight", 874), OnnxGraphFile.Read(Path.Combine(Demo, "text_model.onnx")).TokenTableOf("input_ids"));
        Assert.Equal(new TokenTable("blip.text_encoder.word_embeddings.weight", 299),
            OnnxGraphFile.Read(RepoPaths.InRepo("tests", "fixtures", "tiny-blip", "text_model.onnx")).TokenTableOf("input_ids"));
    }

    [Fact]
    public void A_graph_that_transforms_the_ids_before_its_lookup_shows_no_table()
    {
        // text_ok.onnx looks up input_ids mod 64: every id has a row, so there is nothing to check.
        Assert.Null(OnnxGraphFile.Read(TinyPackage.Graph("text_ok.onnx")).TokenTableOf("input_ids"));
        Assert.Null(OnnxGraphFile.Read(Path.Combine(Demo, "text_model.onnx")).TokenTableOf("no_such_input"));
    }

    [Fact]
    public void A_pad_id_past_the_table_is_refused_at_load_naming_the_field()
    {
        using var temp = new TempDirectory();
        var package = CopyDemo(temp);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(package, "aro-model.json")))!;
        manifest["tokenizer"]!["pad_id"] = 874;
        manifest["provenance"]!.AsObject().Remove("sha256");
        File.WriteAllText(Path.Combine(package, "aro-model.json"), manifest.ToJsonString());

        var error = Assert.Throws<AroInputException>(() => LoadedModel.Load(ModelPackageLoader.Load(package), RuntimeOptions.Default));

        Assert.Equal(
            $"{package}/aro-model.json: field 'tokenizer.pad_id': pad id 874 is not a token id of the text graph: text_model.onnx's token embedding table 'token_embedding.weight' has 874 rows (ids 0 to 873)",
            error.Message);
    }

    [Fact]
    public void A_vocabulary_id_past_the_table_is_refused_at_load_naming_the_file_and_id()
    {
        using var temp = new TempDirectory();
        var package = CopyDemo(temp);
        var vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(Path.Combine(package, "vocab.json")))!;
        var token = vocabulary.First(p => p.Value == 873).Key;
        vocabulary[token] = 900;
        File.WriteAllText(Path.Combine(package, "vocab.json"), JsonSerializer.Serialize(vocabulary));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(package, "aro-model.json")))!;
        manifest["provenance"]!.AsObject().Remove("sha256");
        File.WriteAllText(Path.Combine(package, "aro-model.json"), manifest.ToJsonString());

        var error = Assert.Throws<AroInputException>(() => LoadedModel.Load(ModelPackageLoader.Load(package), RuntimeOptions.Default));

        Assert.Equal(
            $"{Path.Combine(package, "vocab.json")}: token '{token}' has id 900, but text_model.onnx's token embedding table 'token_embedding.weight' has 874 rows (ids 0 to 873): the tokenizer files do not belong to this text graph",
            error.Message);
    }

    [Fact]
    public void The_demo_and_tiny_blip_packages_load()
    {
        using var demo = LoadedModel.Load(ModelPackageLoader.Load(Demo), RuntimeOptions.Default);
        using var blip = LoadedModel.Load(ModelPackageLoader.Load(RepoPaths.InRepo("tests", "fixtures", "tiny-blip")), RuntimeOptions.Default);
        Assert.Equal(0, demo.Tokenizer.PadId);
    }

    private static string CopyDemo(TempDirectory temp)
    {
        var package = temp.File("demo");
        Directory.CreateDirectory(package);
        foreach (var file in Directory.GetFiles(Demo))
        {
            File.Copy(file, Path.Combine(package, Path.GetFileName(file)));
        }

        return package;
    }
}
