using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Models;

/// <summary>
/// Weights kept beside a graph (ONNX external data, <c>model.onnx_data</c>) belong to the model: they are listed with
/// the package's files, hashed into run.json and the fingerprint, so new weights under an unchanged graph file are a
/// cache miss, never the old predictions. Fixtures: tests/fixtures/bad-models/external-data (scripts/make_bad_models.py).
/// </summary>
public sealed class ExternalDataTests
{
    private static string External(string name) => TinyPackage.Graph("external-data", name);

    private static string Package(TempDirectory temp)
    {
        var dir = TinyPackage.Make(temp.File("pkg"), "vision_ok.onnx", "text_ok.onnx");
        TinyPackage.Copy(External("vision_model.onnx"), Path.Combine(dir, "vision_model.onnx"));
        TinyPackage.Copy(External("vision_model.onnx_data"), Path.Combine(dir, "vision_model.onnx_data"));
        return dir;
    }

    [Fact]
    public void The_graph_file_names_its_external_data_and_its_inputs_and_outputs()
    {
        var graph = OnnxGraphFile.Read(External("vision_model.onnx"));

        Assert.Equal([External("vision_model.onnx_data")], graph.ExternalData);
        Assert.Equal(["pixel_values"], graph.Inputs);
        Assert.Equal(["image_embeds"], graph.Outputs);
    }

    [Fact]
    public void A_self_contained_graph_has_no_external_data_and_its_names_match_onnx_runtime()
    {
        var path = Path.Combine(RepoPaths.InRepo("tests", "fixtures", "tiny-siglip"), "onnx", "vision_model.onnx");
        var graph = OnnxGraphFile.Read(path);
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(path);

        Assert.Empty(graph.ExternalData);
        Assert.Equal(session.InputMetadata.Keys, graph.Inputs);
        Assert.Equal(session.OutputMetadata.Keys, graph.Outputs);
    }

    [Fact]
    public void External_data_is_part_of_the_package_files_and_the_fingerprint()
    {
        using var temp = new TempDirectory();
        var dir = Package(temp);
        var package = ModelPackageLoader.Load(dir);

        Assert.Contains(Path.Combine(dir, "vision_model.onnx_data"), package.Files);
        Assert.Contains(package.Notes, n => n.Contains("vision_model.onnx keeps weights in vision_model.onnx_data", StringComparison.Ordinal));
        var before = ModelFingerprint.Compute(package);

        ReplaceWeights(dir);
        var after = ModelFingerprint.Compute(ModelPackageLoader.Load(dir));

        Assert.Equal(File.ReadAllBytes(External("vision_model.onnx")), File.ReadAllBytes(Path.Combine(dir, "vision_model.onnx")));
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task New_weights_under_an_unchanged_graph_miss_the_cache_and_change_the_scores()
    {
        using var temp = new TempDirectory();
        var dir = Package(temp);
        var cases = RepoPaths.InRepo("data", "demo", "cases.jsonl");
        EvalRequest Request(string output) => new(dir, cases, null, output, new EvaluationSettings(BatchSize: 8), RuntimeOptions.Default, Cache: temp.File("cache"));

        var first = await EvalJob.RunAsync(Request(temp.File("a")), new NullEvalObserver());
        var again = await EvalJob.RunAsync(Request(temp.File("b")), new NullEvalObserver());
        ReplaceWeights(dir);
        var swapped = await EvalJob.RunAsync(Request(temp.File("c")), new NullEvalObserver());

        Assert.Equal(0, again.Manifest.EncoderCalls.ImagesEncoded);
        Assert.Equal(first.Manifest.EncoderCalls.ImagesEncoded, swapped.Manifest.EncoderCalls.ImagesEncoded);
        Assert.Equal(0, swapped.Manifest.EncoderCalls.ImagesFromCache);
        Assert.NotEqual(
            File.ReadAllText(temp.File("a", "coco-order.predictions.csv")),
            File.ReadAllText(temp.File("c", "coco-order.predictions.csv")));
        var hashed = swapped.Manifest.Model.Files.Single(f => f.Path.EndsWith("vision_model.onnx_data", StringComparison.Ordinal));
        Assert.Equal(Aro.Core.IO.FileHashes.Sha256(External("vision_model.onnx_data.other")), hashed.Sha256);
        Assert.NotEqual(first.Manifest.Model.Files.Single(f => f.Path == hashed.Path).Sha256, hashed.Sha256);
    }

    [Fact]
    public void Missing_external_data_is_named_at_load()
    {
        using var temp = new TempDirectory();
        var dir = Package(temp);
        File.Delete(Path.Combine(dir, "vision_model.onnx_data"));

        var error = Assert.Throws<AroInputException>(() => ModelPackageLoader.Load(dir));

        Assert.Contains("keeps weights in 'vision_model.onnx_data' (external data), which does not exist", error.Message);
    }

    [Fact]
    public void A_location_outside_the_graph_folder_is_refused()
    {
        var error = Assert.Throws<AroInputException>(() => OnnxGraphFile.Read(External("escaping.onnx")));

        Assert.Contains("external data location '../vision_model.onnx_data' leaves the graph's folder", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_protobuf_message_is_an_input_error()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("model.onnx", "not really");

        var error = Assert.Throws<AroInputException>(() => OnnxGraphFile.Read(path));

        Assert.Contains("not a readable ONNX model", error.Message);
    }

    /// <summary>
    /// Puts the other weights (same size) in place as an editor or an export would: with a new modification time.
    /// File.Copy keeps the source's, and git checks both fixture files out in the same clock tick, so a plain copy would
    /// look unchanged to FileHashes' per-process memo (keyed by path, size and modification time).
    /// </summary>
    private static void ReplaceWeights(string dir)
    {
        var target = Path.Combine(dir, "vision_model.onnx_data");
        File.Copy(External("vision_model.onnx_data.other"), target, overwrite: true);
        File.SetLastWriteTimeUtc(target, DateTime.UtcNow.AddSeconds(1));
    }
}
