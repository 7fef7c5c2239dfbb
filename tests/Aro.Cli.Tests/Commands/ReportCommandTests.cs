using System.Text.RegularExpressions;
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
    public async Task Report_with_gallery_shows_the_evaluated_cases_images_and_a_note_when_data_is_elsewhere()
    {
        using var temp = new TempDirectory();
        var eval = await CliRun.InvokeAsync("eval", "--model", RepoPaths.InRepo("models", "demo"), "--subset", "relation", "--data", RepoPaths.InRepo("data", "demo"), "--out", temp.File("demo"));
        Assert.True(eval.ExitCode == 0, eval.Error);

        var run = await CliRun.InvokeAsync("report", temp.File("demo"), "--gallery", "2", "--out", temp.File("report.html"));
        var elsewhere = await CliRun.InvokeAsync("report", temp.File("demo"), "--gallery", "2", "--data", temp.Path, "--out", temp.File("elsewhere.html"));
        var off = await CliRun.InvokeAsync("report", temp.File("demo"), "--gallery", "0", "--out", temp.File("off.html"));

        Assert.True(run.ExitCode == 0, run.Error);
        var html = File.ReadAllText(temp.File("report.html"));
        var predictions = CsvTable.Read(temp.File("demo", "relation.predictions.csv")).Rows.ToDictionary(r => r["id"]);
        var cards = Regex.Matches(html, "<figure class=\"case\" data-id=\"([^\"]+)\"[^>]*data-thumbnail=\"true\" data-model=\"demo\" data-list=\"(mistakes|closest)\"")
            .Select(m => (Id: m.Groups[1].Value, List: m.Groups[2].Value)).ToList();
        Assert.Equal(4, cards.Count);
        Assert.All(cards.Where(c => c.List == "mistakes"), c => Assert.Equal("false", predictions[c.Id]["correct"]));
        Assert.Equal(4, Regex.Matches(html, "<img class=\"thumb\" width=\"\\d+\" height=\"\\d+\" alt=\"[^\"]*\" src=\"data:image/jpeg;base64,").Count);

        Assert.True(elsewhere.ExitCode == 0, elsewhere.Error);
        var noted = File.ReadAllText(temp.File("elsewhere.html"));
        Assert.Contains("demo: no thumbnails: VG-Relation data not found under --data: expected " + Path.Combine(temp.Path, "visual_genome_relation.json"), noted);
        Assert.DoesNotContain("data:image/jpeg", noted);
        Assert.Equal(4, Regex.Matches(noted, "<figure class=\"case\"[^>]*data-thumbnail=\"false\"").Count);

        Assert.True(off.ExitCode == 0, off.Error);
        Assert.DoesNotContain("id=\"gallery\"", File.ReadAllText(temp.File("off.html")));
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
        var negativeGallery = await CliRun.InvokeAsync("report", temp.Path, "--gallery", "-1");
        var noData = await CliRun.InvokeAsync("report", temp.Path, "--data", temp.File("no-data"));
        Assert.Equal(2, negativeGallery.ExitCode);
        Assert.Contains("--gallery must be 0 (no gallery) or more, found -1", negativeGallery.Error);
        Assert.Equal(2, noData.ExitCode);
        Assert.Contains($"--data: no such folder: {temp.File("no-data")}", noData.Error);
    }
}
