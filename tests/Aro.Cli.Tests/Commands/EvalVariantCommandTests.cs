using System.Text.Json;
using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary>`aro eval --variant`: the transformers.js file variant is loaded, recorded in run.json and checked.</summary>
public sealed class EvalVariantCommandTests
{
    private static string TinySiglip => RepoPaths.InRepo("tests", "fixtures", "tiny-siglip");

    [Fact]
    public async Task The_variant_runs_and_run_json_records_it_with_its_files()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("eval", "--model", TinySiglip, "--subset", RepoPaths.InRepo("data", "demo", "cases.jsonl"),
            "--variant", "fp16", "--out", temp.Path, "--no-cache");

        Assert.True(run.ExitCode == 0, run.Error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(temp.File("run.json")));
        var model = manifest.RootElement.GetProperty("model");
        Assert.Equal("fp16", model.GetProperty("variant").GetString());
        Assert.Equal("siglip", model.GetProperty("family").GetString());
        var files = model.GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetProperty("path").GetString())).ToList();
        Assert.Equal(["vision_model_fp16.onnx", "text_model_fp16.onnx", "spiece.model"], files);
    }

    [Fact]
    public async Task An_unknown_variant_exits_2_naming_the_known_ones()
    {
        var run = await CliRun.InvokeAsync("eval", "--model", TinySiglip, "--subset", RepoPaths.InRepo("data", "demo", "cases.jsonl"), "--variant", "fp8");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--variant: 'fp8' is not a file variant; expected fp32, fp16, quantized, int8, uint8, q4, q4f16, bnb4.", run.Error);
    }
}
