using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary>`aro data freeze` writes Order cases once; evaluating the frozen file equals evaluating the native split.</summary>
public sealed class DataFreezeCommandTests
{
    [Fact]
    public async Task Frozen_cases_evaluate_like_the_native_split_and_are_deterministic()
    {
        using var temp = new TempDirectory();
        var data = RepoPaths.InRepo("data", "demo");
        var model = RepoPaths.InRepo("models", "demo");

        var freeze = await CliRun.InvokeAsync("data", "freeze", "--subset", "coco-order", "--data", data, "--seed", "3", "--out", temp.File("frozen", "coco.jsonl"));
        var again = await CliRun.InvokeAsync("data", "freeze", "--subset", "coco-order", "--data", data, "--seed", "3", "--out", temp.File("again", "coco.jsonl"));
        var native = await CliRun.InvokeAsync("eval", "--model", model, "--data", data, "--subset", "coco-order", "--seed", "3", "--out", temp.File("native"), "--no-cache");
        // The frozen file points into the data it was frozen from, outside its own folder: --data names that folder.
        var frozen = await CliRun.InvokeAsync("eval", "--model", model, "--subset", temp.File("frozen", "coco.jsonl"), "--data", data, "--out", temp.File("frozen-out"), "--no-cache");

        Assert.True(freeze.ExitCode == 0, freeze.Error);
        Assert.Contains("wrote 30 coco-order cases", freeze.Out);
        Assert.Equal(File.ReadAllBytes(temp.File("frozen", "coco.jsonl")), File.ReadAllBytes(temp.File("again", "coco.jsonl")));
        Assert.Equal(0, native.ExitCode);
        Assert.True(frozen.ExitCode == 0, frozen.Error);
        foreach (var name in new[] { "coco-order.predictions.csv", "coco-order.groups.csv", "summary.csv" })
        {
            Assert.Equal(File.ReadAllBytes(temp.File("native", name)), File.ReadAllBytes(temp.File("frozen-out", name)));
        }
    }

    [Fact]
    public async Task Seeds_give_seeds_csv_with_mean_and_std()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("eval", "--model", RepoPaths.InRepo("models", "demo"), "--data", RepoPaths.InRepo("data", "demo"),
            "--subset", "flickr-order", "--seeds", "1,2,3", "--out", temp.Path, "--no-cache");

        Assert.True(run.ExitCode == 0, run.Error);
        var rows = CsvTable.Read(temp.File("seeds.csv")).Rows;
        Assert.Equal(["1", "2", "3", "mean", "std"], rows.Select(r => r["seed"]));
        var perSeed = rows.Take(3).Select(r => CsvTable.Number(r["micro_accuracy"])).ToList();
        Assert.Equal(perSeed.Average(), CsvTable.Number(rows[3]["micro_accuracy"]), 6);
        var summary = CsvTable.Read(temp.File("summary.csv")).Rows.Single();
        Assert.Equal(rows[3]["micro_accuracy"], summary["micro_accuracy"]);
        Assert.True(File.Exists(temp.File("flickr-order.seed-2.predictions.csv")));
    }
}
