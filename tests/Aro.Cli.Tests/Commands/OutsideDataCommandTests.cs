using System.Text.Json;
using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary>
/// An image path from a cases file that leads outside the file's folder (<c>..</c>, an absolute path, a link) is a bad
/// case — exit 2 naming the case and the path, or a recorded skip — unless <c>--allow-outside-data</c>, which run.json
/// then records. Before, such images were read without a word.
/// </summary>
public sealed class OutsideDataCommandTests
{
    private static readonly string Demo = RepoPaths.InRepo("models", "demo");

    private static string Line(string id, string image) =>
        $"{{\"id\": \"{id}\", \"image\": {JsonSerializer.Serialize(image)}, \"captions\": [\"a red square\", \"a blue circle\"], \"label\": 0}}";

    /// <summary>A cases file in <c>data/</c> with one image inside and three outside, in the three ways.</summary>
    private static string Cases(TempDirectory temp)
    {
        var image = Directory.GetFiles(RepoPaths.InRepo("data", "demo", "images"), "*.jpg").Order(StringComparer.Ordinal).First();
        Directory.CreateDirectory(temp.File("data", "images"));
        Directory.CreateDirectory(temp.File("elsewhere"));
        File.Copy(image, temp.File("data", "images", "good.jpg"));
        File.Copy(image, temp.File("elsewhere", "out.jpg"));
        Directory.CreateSymbolicLink(temp.File("data", "linked"), temp.File("elsewhere"));
        return temp.Write("data/cases.jsonl", string.Join('\n',
            Line("c-0", "images/good.jpg"), Line("c-1", "../elsewhere/out.jpg"), Line("c-2", temp.File("elsewhere", "out.jpg")), Line("c-3", "linked/out.jpg")) + "\n");
    }

    [Fact]
    public async Task Without_the_flag_the_first_outside_image_stops_the_run_naming_case_path_and_flag()
    {
        using var temp = new TempDirectory();
        var cases = Cases(temp);

        var run = await CliRun.InvokeAsync("eval", "--model", Demo, "--subset", cases, "--out", temp.File("out"), "--no-cache");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"case c-1: image {temp.File("elsewhere", "out.jpg")}: lies outside the data folders ({temp.File("data")}, ", run.Error, StringComparison.Ordinal);
        Assert.Contains("); aro reads images only from inside the subset's data folder", run.Error, StringComparison.Ordinal);
        Assert.Contains("run again with --allow-outside-data (for a cases file, --data naming the folder they lie in does as well)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("out", "summary.csv")));
    }

    [Fact]
    public async Task Under_skip_each_outside_image_is_a_recorded_skip()
    {
        using var temp = new TempDirectory();
        var cases = Cases(temp);

        var run = await CliRun.InvokeAsync("eval", "--model", Demo, "--subset", cases, "--out", temp.File("out"), "--no-cache", "--on-error", "skip", "--allow-skips");

        Assert.True(run.ExitCode == 0, run.Error);
        var skipped = CsvTable.Read(temp.File("out", "skipped.csv")).Rows;
        Assert.Equal(["c-1", "c-2", "c-3"], skipped.Select(r => r["id"]));
        Assert.All(skipped, r => Assert.Contains("--allow-outside-data", r["reason"], StringComparison.Ordinal));
        Assert.Contains("a symbolic link along the way leads to", skipped[2]["reason"], StringComparison.Ordinal);
        Assert.Single(CsvTable.Read(temp.File("out", "cases.predictions.csv")).Rows);
        Assert.DoesNotContain("allow_outside_data", File.ReadAllText(temp.File("out", "run.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cases_file_may_point_into_the_folder_data_names()
    {
        using var temp = new TempDirectory();
        var cases = Cases(temp);
        File.WriteAllText(cases, string.Join('\n', File.ReadAllLines(cases).Take(3)) + "\n"); // c-0 inside, c-1 and c-2 in elsewhere/

        var run = await CliRun.InvokeAsync("eval", "--model", Demo, "--subset", cases, "--data", temp.File("elsewhere"), "--out", temp.File("out"), "--no-cache");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(3, CsvTable.Read(temp.File("out", "cases.predictions.csv")).Rows.Count);
    }

    [Fact]
    public async Task With_the_flag_every_image_is_read_and_run_json_says_so()
    {
        using var temp = new TempDirectory();
        var cases = Cases(temp);

        var run = await CliRun.InvokeAsync("eval", "--model", Demo, "--subset", cases, "--out", temp.File("out"), "--no-cache", "--allow-outside-data");

        Assert.True(run.ExitCode == 0, run.Error);
        var predictions = CsvTable.Read(temp.File("out", "cases.predictions.csv")).Rows;
        Assert.Equal(["c-0", "c-1", "c-2", "c-3"], predictions.Select(r => r["id"]));
        Assert.Equal(predictions[0]["score_0"], predictions[3]["score_0"]); // the same image bytes
        using var manifest = JsonDocument.Parse(File.ReadAllText(temp.File("out", "run.json")));
        Assert.True(manifest.RootElement.GetProperty("allow_outside_data").GetBoolean());
    }
}
