using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Golden;

/// <summary>
/// `aro report --format md|latex|csv` (the paper table) over three committed golden results folders — the demo with
/// two seeds, tiny-blip and tiny-siglip — against committed golden tables (tests/golden/report-tables).
/// </summary>
public sealed class ReportTableGoldenTests
{
    [Fact]
    public async Task Paper_tables_of_three_models_are_the_golden_files()
    {
        using var temp = new TempDirectory();
        string[] folders = [GoldenFolder.PathOf("eval-demo"), GoldenFolder.PathOf("eval-tiny-blip"), GoldenFolder.PathOf("eval-tiny-siglip")];

        foreach (var (format, file) in new[] { ("md", "results.md"), ("latex", "results.tex"), ("csv", "results.csv") })
        {
            var run = await CliRun.InvokeAsync(["report", .. folders, "--format", format, "--published", "--out", temp.File(file)]);
            Assert.True(run.ExitCode == 0, run.Error);
        }

        GoldenFolder.AssertMatches("report-tables", temp.Path, new Dictionary<string, string>());
    }
}
