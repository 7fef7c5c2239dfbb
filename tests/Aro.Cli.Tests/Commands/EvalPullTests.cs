using Aro.Cli.Tests.Support;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary><c>aro eval</c> with a model or data missing: the exact commands without --pull (and no network), a pull with it.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class EvalPullTests
{
    [Fact]
    public async Task Missing_model_and_data_name_the_pull_commands_and_nothing_is_downloaded()
    {
        using var hosts = new DemoHosts();
        using var temp = new TempDirectory();
        using var environment = new EnvironmentScope((ModelLocator.EnvironmentVariable, temp.File("models")));
        using var mirrors = hosts.Environment();
        // An existing but empty --data folder: a missing one is refused on its own (UsageErrorTests).
        var data = temp.File("data");
        Directory.CreateDirectory(data);

        var run = await CliRun.InvokeAsync("eval", "--model", "clip", "--subset", "relation,coco-order", "--data", data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"model 'clip' (OpenAI CLIP ViT-B/32) is not installed (no folder {temp.File("models", "clip")}): run `aro models pull clip`", run.Error, StringComparison.Ordinal);
        Assert.Contains($"VG-Relation data not found (expected {Path.Combine(data, "visual_genome_relation.json")}", run.Error, StringComparison.Ordinal);
        Assert.Contains($"run `aro data pull relation --data {data}`", run.Error, StringComparison.Ordinal);
        Assert.Contains($"run `aro data pull coco-order --data {data}`", run.Error, StringComparison.Ordinal);
        Assert.Contains("add --pull", run.Error, StringComparison.Ordinal);
        Assert.Empty(hosts.Server.Requests);
    }

    [Fact]
    public async Task An_export_only_model_says_how_to_build_it()
    {
        using var temp = new TempDirectory();
        using var environment = new EnvironmentScope((ModelLocator.EnvironmentVariable, temp.File("models")));

        var run = await CliRun.InvokeAsync("eval", "--model", "negclip", "--subset", "relation", "--data", RepoPaths.InRepo("data", "demo"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("build it with `python scripts/export_onnx.py negclip", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_fetches_the_missing_data_then_evaluates()
    {
        using var hosts = new DemoHosts();
        using var temp = new TempDirectory();
        using var mirrors = hosts.Environment();

        var run = await CliRun.InvokeAsync(
            "eval", "--model", RepoPaths.InRepo("models", "demo"), "--subset", "relation", "--data", temp.File("data"), "--out", temp.File("out"), "--pull");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(temp.File("data", "vg", "images", "img_00.jpg")));
        Assert.Equal(24, CsvTable.Read(temp.File("out", "relation.predictions.csv")).Rows.Count);
        Assert.NotEmpty(hosts.Server.Requests);
    }
}
