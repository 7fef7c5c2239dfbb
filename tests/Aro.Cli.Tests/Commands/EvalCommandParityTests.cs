using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Cli.Tests.Commands;

/// <summary>
/// `aro eval` end to end on the shared fixtures tiny-clip + aro-synth (<see cref="SharedData"/>), compared with the PIL + PyTorch reference
/// in aro-synth/expected: predictions, scores (within 2e-3), group tables and summary.csv.
/// </summary>
public sealed class EvalCommandParityTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Eval_of_three_subsets_matches_the_reference_files()
    {
        var model = SharedData.Fixtures("tiny-clip");
        var data = SharedData.Fixtures("aro-synth");
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("eval", "--model", model, "--data", data,
            "--subset", $"relation,attribution,{Path.Combine(data, "order_cases.jsonl")}", "--out", temp.Path, "--batch-size", "24");

        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var subset in new[] { "relation", "attribution", "coco-order" })
        {
            var maxDiff = ExpectedResults.AssertSubsetMatches(temp.Path, subset);
            output.WriteLine($"{subset}: max |score difference| {maxDiff:E2}");
        }

        // summary.csv lists the subsets in run order, which is the reference's order too; its columns start with
        // the reference's, then a skipped count (0 here) and the columns of docs/results-format.md.
        var expectedLines = File.ReadAllLines(SharedData.Fixtures("aro-synth", "expected", "summary.csv"));
        var actualLines = File.ReadAllLines(temp.File("summary.csv"));
        Assert.Equal(expectedLines.Length, actualLines.Length);
        for (var i = 0; i < expectedLines.Length; i++)
        {
            var prefix = expectedLines[i] + (i == 0 ? ",skipped," : ",0,");
            Assert.True(actualLines[i].StartsWith(prefix, StringComparison.Ordinal), $"summary.csv line {i + 1}: '{actualLines[i]}' does not start with '{prefix}'");
        }

        Assert.Contains("relation", run.Out);
        Assert.Contains("0.4661", run.Out);
    }

    [SkippableFact]
    public async Task A_rerun_with_another_batch_size_writes_byte_identical_csv_files()
    {
        var model = SharedData.Fixtures("tiny-clip");
        var data = SharedData.Fixtures("aro-synth");
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        var a = await CliRun.InvokeAsync("eval", "--model", model, "--data", data, "--subset", "relation", "--out", first.Path);
        var b = await CliRun.InvokeAsync("eval", "--model", model, "--data", data, "--subset", "relation", "--out", second.Path, "--batch-size", "7", "--no-cache");

        Assert.Equal(0, a.ExitCode);
        Assert.Equal(0, b.ExitCode);
        var csvs = Directory.GetFiles(first.Path, "*.csv").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["relation.groups.csv", "relation.predictions.csv", "summary.csv"], csvs);
        foreach (var name in csvs)
        {
            Assert.Equal(File.ReadAllBytes(first.File(name!)), File.ReadAllBytes(second.File(name!)));
        }

        Assert.Empty(Directory.GetFiles(first.Path, "*.tmp", SearchOption.AllDirectories));
    }
}
