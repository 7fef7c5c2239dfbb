using Aro.Core.Cases;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Reports.Merging;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Merging;

/// <summary>Sharded runs merged by <see cref="ResultMerger"/> equal a single run, byte for byte.</summary>
public sealed class ResultMergerTests
{
    private static EvalRequest Request(string output, Shard? shard, string model = "demo") => new(
        model == "demo" ? RepoPaths.InRepo("models", "demo") : RepoPaths.InRepo("tests", "fixtures", model),
        "all", RepoPaths.InRepo("data", "demo"), output, new EvaluationSettings(BatchSize: 5), RuntimeOptions.Default,
        Seeds: [1, 2], NoCache: true, Shard: shard);

    [Fact]
    public async Task Three_shards_merge_into_the_single_run_files()
    {
        using var temp = new TempDirectory();
        await EvalJob.RunAsync(Request(temp.File("single"), null), new NullEvalObserver());
        var shards = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var outcome = await EvalJob.RunAsync(Request(temp.File($"shard{i}"), new Shard(i, 3)), new NullEvalObserver());
            Assert.Equal($"{i}/3", outcome.Manifest.Shard);
            shards.Add(outcome.OutputDirectory);
        }

        ResultMerger.Merge(shards, temp.File("merged"));

        var singleFiles = Directory.GetFiles(temp.File("single"), "*.csv").Select(Path.GetFileName).Order().ToList();
        Assert.Contains("seeds.csv", singleFiles);
        Assert.Equal(singleFiles, Directory.GetFiles(temp.File("merged"), "*.csv").Select(Path.GetFileName).Order().ToList());
        foreach (var name in singleFiles)
        {
            Assert.Equal(File.ReadAllBytes(temp.File("single", name!)), File.ReadAllBytes(temp.File("merged", name!)));
        }
    }

    [Fact]
    public async Task A_missing_shard_is_named()
    {
        using var temp = new TempDirectory();
        var a = await EvalJob.RunAsync(Request(temp.File("a"), new Shard(0, 3)), new NullEvalObserver());
        var c = await EvalJob.RunAsync(Request(temp.File("c"), new Shard(2, 3)), new NullEvalObserver());

        var error = Assert.Throws<AroInputException>(() => ResultMerger.Merge([a.OutputDirectory, c.OutputDirectory], temp.File("merged")));

        Assert.Contains("missing 1/3", error.Message);
    }

    [Fact]
    public async Task Shards_of_different_models_are_refused()
    {
        using var temp = new TempDirectory();
        var a = await EvalJob.RunAsync(Request(temp.File("a"), new Shard(0, 2)), new NullEvalObserver());
        var b = await EvalJob.RunAsync(Request(temp.File("b"), new Shard(1, 2), "tiny-blip"), new NullEvalObserver());

        var error = Assert.Throws<AroInputException>(() => ResultMerger.Merge([a.OutputDirectory, b.OutputDirectory], temp.File("merged")));

        Assert.Contains("different model", error.Message);
    }

    [Fact]
    public async Task A_folder_that_holds_results_is_not_merged_into_unless_forced()
    {
        using var temp = new TempDirectory();
        var a = await EvalJob.RunAsync(Request(temp.File("a"), new Shard(0, 2)), new NullEvalObserver());
        var b = await EvalJob.RunAsync(Request(temp.File("b"), new Shard(1, 2)), new NullEvalObserver());
        var other = await EvalJob.RunAsync(Request(temp.File("other"), null), new NullEvalObserver());

        var error = Assert.Throws<AroInputException>(() => ResultMerger.Merge([a.OutputDirectory, b.OutputDirectory], other.OutputDirectory));
        Assert.Contains("already holds results", error.Message, StringComparison.Ordinal);
        Assert.Contains("--force", error.Message, StringComparison.Ordinal);

        var merged = ResultMerger.Merge([a.OutputDirectory, b.OutputDirectory], other.OutputDirectory, ["aro", "merge"], force: true);
        Assert.Equal(["aro", "merge"], merged.CommandLine);
        Assert.Null(merged.Shard);
    }

    [Fact]
    public async Task An_unsharded_folder_is_refused()
    {
        using var temp = new TempDirectory();
        var a = await EvalJob.RunAsync(Request(temp.File("a"), null), new NullEvalObserver());

        var error = Assert.Throws<AroInputException>(() => ResultMerger.Merge([a.OutputDirectory], temp.File("merged")));

        Assert.Contains("was not sharded", error.Message);
    }
}
