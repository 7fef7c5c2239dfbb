using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

public sealed class ModelsCommandTests
{
    [Fact]
    public async Task Inspect_prints_graphs_tokenizer_transform_and_the_fit_check()
    {
        var run = await CliRun.InvokeAsync("models", "inspect", RepoPaths.InRepo("models", "demo"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("input    pixel_values float32 [batch, 3, 224, 224]", run.Out);
        Assert.Contains("input    input_ids int64 [batch, sequence]", run.Out);
        Assert.Contains("output   text_embeds float32 [batch, 32]", run.Out);
        Assert.Contains("sequence   dynamic", run.Out);
        Assert.Contains("tokenizer  clip-bpe", run.Out);
        Assert.Contains("check      ok", run.Out);
    }

    [SkippableFact]
    public async Task Inspect_reports_a_fixed_sequence_axis()
    {
        var run = await CliRun.InvokeAsync("models", "inspect", SharedData.Fixtures("tiny-clip"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("input    input_ids int64 [batch, 77]", run.Out);
        Assert.Contains("sequence   fixed at 77 tokens", run.Out);
    }

    [Fact]
    public async Task Inspect_of_a_folder_without_graphs_says_what_it_expected_and_found()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("model.onnx"), "not really");

        var run = await CliRun.InvokeAsync("models", "inspect", temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("expected vision_model.onnx, onnx/vision_model.onnx or visual/model.onnx, found model.onnx", run.Error);
        // Not a graph at all, so not a combined one either: no advice to split it.
        Assert.DoesNotContain("extract_model", run.Error);
    }

    [Fact]
    public async Task Inspect_of_a_combined_graph_gives_the_recipe_that_splits_it()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("onnx"));
        File.Copy(RepoPaths.InRepo("tests", "fixtures", "bad-models", "combined_model.onnx"), temp.File("onnx", "model.onnx"));

        var run = await CliRun.InvokeAsync("models", "inspect", temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("onnx/model.onnx is one graph holding both towers", run.Error);
        Assert.Contains("u.extract_model('onnx/model.onnx', 'onnx/vision_model.onnx', ['pixel_values'], ['image_embeds'])", run.Error);
    }

    [Fact]
    public async Task Inspect_of_tiny_siglip_shows_the_family_the_variant_and_each_towers_embedding_output()
    {
        var run = await CliRun.InvokeAsync("models", "inspect", RepoPaths.InRepo("tests", "fixtures", "tiny-siglip"), "--variant", "fp16");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("family     siglip: SigLIP dual encoder", run.Out);
        Assert.Contains("variant    fp16: float16 weights", run.Out);
        Assert.Contains("vision     vision_model_fp16.onnx", run.Out);
        Assert.Contains("input    pixel_values float16 [batch_size, 3, 32, 32]", run.Out);
        Assert.Contains("output   pooler_output float16 [batch_size, 32]   <- the vision embedding (the family's rule)", run.Out);
        Assert.Contains("output   pooler_output float16 [batch_size, 32]   <- the text embedding (the family's rule)", run.Out);
        Assert.Contains("tokenizer  sentencepiece, spiece.model, context 64, pad 1", run.Out);
        Assert.Contains("transform  squash to 32x32, bicubic, mean [0.5, 0.5, 0.5], std [0.5, 0.5, 0.5]", run.Out);
        Assert.Contains("sequence   fixed at 64 tokens: every batch is padded to 64 (siglip's text graph reads the last position)", run.Out);
        Assert.Contains("batch      vision dynamic; text dynamic", run.Out);
        Assert.Contains("check      ok", run.Out);
    }

    [Fact]
    public async Task Inspect_reports_a_fixed_batch_axis_and_an_output_named_in_the_manifest()
    {
        using var temp = new TempDirectory();
        var graphs = RepoPaths.InRepo("tests", "fixtures", "bad-models");
        File.Copy(Path.Combine(graphs, "vision_pooler_only.onnx"), temp.File("vision_model.onnx"));
        File.Copy(Path.Combine(graphs, "text_batch3.onnx"), temp.File("text_model.onnx"));
        File.Copy(RepoPaths.InRepo("models", "demo", "vocab.json"), temp.File("vocab.json"));
        File.Copy(RepoPaths.InRepo("models", "demo", "merges.txt"), temp.File("merges.txt"));
        File.WriteAllText(temp.File("aro-model.json"), """{"format": 1, "vision_output": "pooler_output"}""");

        var run = await CliRun.InvokeAsync("models", "inspect", temp.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("output   pooler_output float32 [batch, 32]   <- the vision embedding (named in aro-model.json)", run.Out);
        Assert.Contains("batch      vision dynamic; text fixed at 3: captions run 3 per call, the last call padded", run.Out);
    }
}
