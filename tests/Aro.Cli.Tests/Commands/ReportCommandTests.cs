using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary>`aro report`: writes one HTML file from results folders; bad input exits 2.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public async Task Report_over_two_folders_writes_one_html_file()
    {
        using var temp = new TempDirectory();
        new HandWrittenResults(temp.File("clip")).Summary(("relation", 100, 2, 0.5, 0.6)).Groups("relation", ("on", 50, 0.6, true), ("in", 50, 0.6, true)).Run("clip");
        new HandWrittenResults(temp.File("negclip")).Summary(("relation", 100, 2, 0.7, 0.8)).Groups("relation", ("on", 50, 0.8, true), ("in", 50, 0.8, true)).Run("negclip");

        var run = await CliRun.InvokeAsync("report", temp.File("clip"), temp.File("negclip"), "--out", temp.File("out", "report.html"), "--title", "nightly");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"wrote {temp.File("out", "report.html")} (2 results folders)\n", run.Out);
        var html = File.ReadAllText(temp.File("out", "report.html"));
        Assert.Contains("<title>nightly</title>", html);
        Assert.Contains("<tr class=\"model\" data-model=\"negclip\">", html);
        Assert.Equal(4, html.Split("<rect class=\"bar\"").Length - 1);
        Assert.Empty(Directory.GetFiles(temp.File("out"), "*.tmp"));
    }

    [Fact]
    public async Task Missing_folder_or_no_folder_exits_2()
    {
        using var temp = new TempDirectory();

        var missing = await CliRun.InvokeAsync("report", temp.File("nowhere"), "--out", temp.File("report.html"));
        var none = await CliRun.InvokeAsync("report", "--out", temp.File("report.html"));
        var badWorst = await CliRun.InvokeAsync("report", temp.Path, "--worst", "0");
        var notANumber = await CliRun.InvokeAsync("report", temp.Path, "--min-cases", "many");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nowhere: no such results folder or summary.csv", missing.Error);
        Assert.False(File.Exists(temp.File("report.html")));
        Assert.Equal(2, none.ExitCode);
        Assert.Equal(2, badWorst.ExitCode);
        Assert.Contains("--worst must be at least 1, found 0", badWorst.Error);
        Assert.Equal(2, notANumber.ExitCode);
    }
}
