using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Golden;

/// <summary>
/// The golden results do not depend on how the pipeline is scheduled: the demo (every subset, two seeds) and tiny
/// BLIP (whose images are encoded per batch for its ITM head) evaluated with other batch sizes, preparation thread
/// counts and overlap settings write CSV files byte-identical to the golden ones of <see cref="EvalGoldenTests"/>.
/// run.json records the settings, so it is left out.
/// </summary>
public sealed class EvalGoldenScheduleTests
{
    [Theory]
    [InlineData("1", "on", "3")]
    [InlineData("5", "off", "1")]
    [InlineData("64", "on", "2")]
    public async Task The_demo_writes_the_golden_csv_files_whatever_the_schedule(string batch, string overlap, string decodeThreads)
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("eval", "--model", RepoPaths.InRepo("models", "demo"), "--data", RepoPaths.InRepo("data", "demo"),
            "--subset", "all", "--seeds", "1,2", "--out", temp.Path, "--no-cache", "--threads", "1",
            "--batch-size", batch, "--overlap", overlap, "--decode-threads", decodeThreads);

        Assert.True(run.ExitCode == 0, run.Error);
        AssertCsvsMatch("eval-demo", temp.Path);
    }

    [Theory]
    [InlineData("3", "on", "3")]
    [InlineData("16", "off", "2")]
    public async Task Tiny_blip_writes_the_golden_csv_files_whatever_the_schedule(string batch, string overlap, string decodeThreads)
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("eval", "--model", RepoPaths.InRepo("tests", "fixtures", "tiny-blip"), "--data", RepoPaths.InRepo("data", "demo"),
            "--subset", "relation,coco-order", "--out", temp.Path, "--no-cache", "--threads", "1",
            "--batch-size", batch, "--overlap", overlap, "--decode-threads", decodeThreads);

        Assert.True(run.ExitCode == 0, run.Error);
        AssertCsvsMatch("eval-tiny-blip", temp.Path);
    }

    private static void AssertCsvsMatch(string golden, string actual)
    {
        var expected = Directory.GetFiles(GoldenFolder.PathOf(golden), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Directory.GetFiles(actual, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (var file in expected)
        {
            Assert.True(File.ReadAllText(Path.Combine(GoldenFolder.PathOf(golden), file!)) == File.ReadAllText(Path.Combine(actual, file!)),
                $"{file} differs from tests/golden/{golden}/{file}");
        }
    }
}
