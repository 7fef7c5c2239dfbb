using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

public sealed class MergeAndBenchCommandTests
{
    [Fact]
    public async Task Sharded_evals_merge_into_the_single_run()
    {
        using var temp = new TempDirectory();
        string[] eval = ["eval", "--model", RepoPaths.InRepo("models", "demo"), "--data", RepoPaths.InRepo("data", "demo"), "--subset", "relation,attribution", "--no-cache"];

        var single = await CliRun.InvokeAsync([.. eval, "--out", temp.File("single")]);
        var a = await CliRun.InvokeAsync([.. eval, "--out", temp.File("s0"), "--shard", "0/2"]);
        var b = await CliRun.InvokeAsync([.. eval, "--out", temp.File("s1"), "--shard", "1/2"]);
        var merge = await CliRun.InvokeAsync("merge", temp.File("s0"), temp.File("s1"), "--out", temp.File("merged"));
        var incomplete = await CliRun.InvokeAsync("merge", temp.File("s0"), "--out", temp.File("bad"));

        Assert.Equal([0, 0, 0], new[] { single.ExitCode, a.ExitCode, b.ExitCode });
        Assert.True(merge.ExitCode == 0, merge.Error);
        foreach (var file in Directory.GetFiles(temp.File("single"), "*.csv"))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(temp.File("merged", Path.GetFileName(file))));
        }

        Assert.Equal(2, incomplete.ExitCode);
        Assert.Contains("missing 1/2", incomplete.Error);
    }

    [Fact]
    public async Task Bench_prints_both_throughputs_their_ratio_and_writes_json()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("bench", "--model", RepoPaths.InRepo("models", "demo"), "--images", "12", "--batch-size", "4", "--out", temp.File("bench.json"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("bare encoders", run.Out);
        Assert.Contains("ratio", run.Out);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("bench.json")));
        Assert.Equal(12, json.RootElement.GetProperty("cases").GetInt32());
        Assert.True(json.RootElement.GetProperty("images_per_second").GetDouble() > 0);
        Assert.True(json.RootElement.GetProperty("ratio").GetDouble() > 0);
    }
}
