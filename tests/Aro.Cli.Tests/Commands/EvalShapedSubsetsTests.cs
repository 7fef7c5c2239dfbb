using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary>`aro eval` on the retrieval and Winoground subsets: what the console shows, and the usage errors of their options.</summary>
public sealed class EvalShapedSubsetsTests
{
    private static string DemoModel => RepoPaths.InRepo("models", "demo");

    private static string DemoData => RepoPaths.InRepo("data", "demo");

    [Fact]
    public async Task The_console_charts_r1_of_each_perturbation_beside_the_original_and_winogrounds_scores()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("eval", "--model", DemoModel, "--data", DemoData, "--subset", "flickr-retrieval,winoground",
            "--perturbations", "shuffle_all_words,shuffle_trigrams", "--image-perturbations", "shuffle_cols_4", "--out", temp.Path, "--no-cache");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("flickr-retrieval: recall@k per perturbation", run.Out, StringComparison.Ordinal);
        var rows = CsvTable.Read(temp.File("flickr-retrieval.retrieval.csv")).Rows;
        Assert.Equal(["none", "shuffle_all_words", "shuffle_trigrams", "shuffle_cols_4"], rows.Select(r => r["perturbation"]));
        foreach (var row in rows)
        {
            var line = run.Out.Split('\n').Single(l => l.Contains($" {row["perturbation"]} ", StringComparison.Ordinal));
            Assert.Contains(CsvTable.Number(row["t2i_r1"]).ToString("F4", System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
            Assert.Contains("█", line, StringComparison.Ordinal);
        }

        Assert.Contains("winoground: text, image and group scores", run.Out, StringComparison.Ordinal);
        Assert.Contains("published: CLIP ViT-B/32", run.Out, StringComparison.Ordinal);
        Assert.Contains("t2i@1", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--perturbations", "shuffle_all_word", "Did you mean 'shuffle_all_words'")]
    [InlineData("--image-perturbations", "shuffle_rows", "Known: shuffle_rows_4, shuffle_patches_9, shuffle_cols_4")]
    public async Task An_unknown_perturbation_is_a_usage_error(string option, string value, string expected)
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("eval", "--model", DemoModel, "--data", DemoData, "--subset", "coco-retrieval", option, value, "--out", temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shard_of_a_retrieval_subset_is_refused()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("eval", "--model", DemoModel, "--data", DemoData, "--subset", "coco-retrieval", "--shard", "1/2", "--out", temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("coco-retrieval cannot be split into shards", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Freezing_a_retrieval_subset_is_refused_with_what_to_do()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("data", "freeze", "--subset", "coco-retrieval", "--data", DemoData, "--out", temp.File("f.jsonl"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("aro eval --subset coco-retrieval", run.Error, StringComparison.Ordinal);
    }
}
