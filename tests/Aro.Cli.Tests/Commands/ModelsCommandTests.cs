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
        Assert.Contains("expected vision_model.onnx or onnx/vision_model.onnx, found model.onnx", run.Error);
        Assert.Contains("combined model.onnx", run.Error);
    }
}
