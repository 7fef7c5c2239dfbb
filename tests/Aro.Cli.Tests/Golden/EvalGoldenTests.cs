using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Golden;

/// <summary>
/// `aro eval` output, file by file, against committed golden copies (tests/golden/): the bundled demo with every
/// subset and two seeds, and the shared reference fixtures. Any change of a byte in a CSV, or of run.json beyond
/// its clock and machine paths, fails here.
/// </summary>
public sealed class EvalGoldenTests
{
    // Fixed thread counts: run.json records them, and the defaults depend on the machine's cores.
    private static readonly string[] Pinned = ["--no-cache", "--threads", "1", "--decode-threads", "2"];

    [Fact]
    public async Task Demo_with_all_subsets_and_two_seeds_writes_the_golden_files()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync(["eval", "--model", RepoPaths.InRepo("models", "demo"), "--data", RepoPaths.InRepo("data", "demo"),
            "--subset", "all", "--seeds", "1,2", "--out", temp.Path, .. Pinned]);

        Assert.True(run.ExitCode == 0, run.Error);
        GoldenFolder.AssertMatches("eval-demo", temp.Path, Placeholders(temp.Path));
    }

    [Fact]
    public async Task Demo_sugarcrepe_writes_the_golden_files()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync(["eval", "--model", RepoPaths.InRepo("models", "demo"), "--data", RepoPaths.InRepo("data", "demo"),
            "--subset", "sugarcrepe", "--out", temp.Path, .. Pinned]);

        Assert.True(run.ExitCode == 0, run.Error);
        GoldenFolder.AssertMatches("eval-demo-sugarcrepe", temp.Path, Placeholders(temp.Path));
    }

    /// <summary>
    /// Both retrieval subsets with every caption perturbation, two seeds and every image perturbation. Its captions files
    /// are also the input of the PyTorch reference (scripts/make_benchmark_demos.py), which cannot re-run aro's tagger:
    /// regenerating these goldens means regenerating that reference too.
    /// </summary>
    [Fact]
    public async Task Demo_retrieval_writes_the_golden_files()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync(["eval", "--model", RepoPaths.InRepo("models", "demo"), "--data", RepoPaths.InRepo("data", "demo"),
            "--subset", "retrieval", "--seeds", "1,2", "--image-perturbations", "shuffle_rows_4,shuffle_patches_9,shuffle_cols_4", "--out", temp.Path, .. Pinned]);

        Assert.True(run.ExitCode == 0, run.Error);
        GoldenFolder.AssertMatches("eval-demo-retrieval", temp.Path, Placeholders(temp.Path));
    }

    [Fact]
    public async Task Demo_winoground_writes_the_golden_files()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync(["eval", "--model", RepoPaths.InRepo("models", "demo"), "--data", RepoPaths.InRepo("data", "demo"),
            "--subset", "winoground", "--out", temp.Path, .. Pinned]);

        Assert.True(run.ExitCode == 0, run.Error);
        GoldenFolder.AssertMatches("eval-demo-winoground", temp.Path, Placeholders(temp.Path));
    }

    [Fact]
    public async Task Tiny_blip_winoground_and_retrieval_write_the_golden_files()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync(["eval", "--model", RepoPaths.InRepo("tests", "fixtures", "tiny-blip"), "--data", RepoPaths.InRepo("data", "demo"),
            "--subset", "winoground,coco-retrieval", "--image-perturbations", "shuffle_cols_4", "--out", temp.Path, .. Pinned]);

        Assert.True(run.ExitCode == 0, run.Error);
        GoldenFolder.AssertMatches("eval-tiny-blip-shaped", temp.Path, Placeholders(temp.Path));
    }

    [Fact]
    public async Task Demo_cases_file_writes_the_golden_files()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync(["eval", "--model", RepoPaths.InRepo("models", "demo"),
            "--subset", RepoPaths.InRepo("data", "demo", "cases.jsonl"), "--out", temp.Path, "--batch-size", "7", .. Pinned]);

        Assert.True(run.ExitCode == 0, run.Error);
        GoldenFolder.AssertMatches("eval-demo-cases", temp.Path, Placeholders(temp.Path));
    }

    [Fact]
    public async Task Tiny_blip_on_the_demo_writes_the_golden_files()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync(["eval", "--model", RepoPaths.InRepo("tests", "fixtures", "tiny-blip"), "--data", RepoPaths.InRepo("data", "demo"),
            "--subset", "relation,coco-order", "--out", temp.Path, .. Pinned]);

        Assert.True(run.ExitCode == 0, run.Error);
        GoldenFolder.AssertMatches("eval-tiny-blip", temp.Path, Placeholders(temp.Path));
    }

    [Fact]
    public async Task Tiny_siglip_on_the_demo_writes_the_golden_files()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync(["eval", "--model", RepoPaths.InRepo("tests", "fixtures", "tiny-siglip"), "--data", RepoPaths.InRepo("data", "demo"),
            "--subset", $"relation,attribution,{RepoPaths.InRepo("data", "demo", "cases.jsonl")},sugarcrepe", "--out", temp.Path, .. Pinned]);

        Assert.True(run.ExitCode == 0, run.Error);
        GoldenFolder.AssertMatches("eval-tiny-siglip", temp.Path, Placeholders(temp.Path));
    }

    [SkippableFact]
    public async Task Shared_fixtures_write_the_golden_files()
    {
        var model = SharedData.Fixtures("tiny-clip");
        var data = SharedData.Fixtures("aro-synth");
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync(["eval", "--model", model, "--data", data,
            "--subset", $"relation,attribution,{Path.Combine(data, "order_cases.jsonl")}", "--out", temp.Path, .. Pinned]);

        Assert.True(run.ExitCode == 0, run.Error);
        GoldenFolder.AssertMatches("eval-fixtures", temp.Path, Placeholders(temp.Path));
    }

    private static Dictionary<string, string> Placeholders(string outFolder) => new()
    {
        [RepoPaths.Root] = "<repo>",
        [SharedData.Root] = "<shared>",
        [outFolder] = "<out>",
    };
}
