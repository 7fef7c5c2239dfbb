using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary>
/// Only regular files are read as cases, annotations, models and images: a FIFO or a link to a device in any of
/// those places is refused at once with exit 2, naming it — where the run used to hang or grow until it died.
/// </summary>
public sealed class SpecialFileCommandTests
{
    private static readonly string Demo = RepoPaths.InRepo("models", "demo");

    [Fact]
    public async Task A_cases_file_that_is_a_fifo_is_refused_without_waiting_for_a_writer()
    {
        using var temp = new TempDirectory();
        var fifo = SpecialFiles.Fifo(temp.File("cases.jsonl"));

        var run = await WithinAsync(CliRun.InvokeAsync("eval", "--model", Demo, "--subset", fifo, "--out", temp.File("out")));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"aro: error: cases file {fifo} is a named pipe (FIFO), not a regular file; aro reads only regular files", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_annotation_file_that_is_a_fifo_is_refused_by_eval_and_by_data_verify()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("data", "vg");
        Directory.CreateDirectory(folder);
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "visual_genome_relation.json"));

        var eval = await WithinAsync(CliRun.InvokeAsync("eval", "--model", Demo, "--subset", "relation", "--data", temp.File("data"), "--out", temp.File("out")));
        var verify = await WithinAsync(CliRun.InvokeAsync("data", "verify", "relation", "--data", temp.File("data")));

        Assert.Equal(2, eval.ExitCode);
        Assert.Contains($"aro: error: input file {fifo} is a named pipe (FIFO), not a regular file; aro reads only regular files", eval.Error, StringComparison.Ordinal);
        Assert.Contains($"annotation file {fifo} is a named pipe (FIFO), not a regular file", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_that_is_dev_stdin_is_refused_when_stdin_is_a_pipe()
    {
        using var temp = new TempDirectory();
        var cases = temp.Write("cases.jsonl", Line("vgr-000000", "/dev/stdin") + "\n");

        // Standard input is a pipe the test never writes to: reading it would wait for ever.
        using var process = ChildProcess.Start(ChildProcess.StartInfo("aro", ["eval", "--model", Demo, "--subset", cases, "--out", temp.File("out"), "--no-cache"]));
        var (code, _, error) = await ChildProcess.FinishAsync(process, TimeSpan.FromSeconds(120));

        Assert.Equal(2, code);
        Assert.Contains("case vgr-000000: image /dev/stdin: is a named pipe (FIFO), not a regular file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_graph_that_links_to_dev_zero_is_refused()
    {
        using var temp = new TempDirectory();
        var model = temp.File("model");
        Directory.CreateDirectory(model);
        foreach (var file in Directory.GetFiles(Demo))
        {
            SpecialFiles.Link(Path.Combine(model, Path.GetFileName(file)), file);
        }

        File.Delete(Path.Combine(model, "vision_model.onnx"));
        SpecialFiles.Link(Path.Combine(model, "vision_model.onnx"), "/dev/zero");

        var run = await WithinAsync(CliRun.InvokeAsync("eval", "--model", model, "--subset", RepoPaths.InRepo("data", "demo", "cases.jsonl"), "--out", temp.File("out")));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a character device, not a regular file (a link to /dev/zero); aro reads only regular files", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_that_links_to_dev_zero_or_is_a_fifo_is_a_case_error_or_a_skip()
    {
        using var temp = new TempDirectory();
        var images = temp.File("images");
        Directory.CreateDirectory(images);
        SpecialFiles.Link(Path.Combine(images, "zero.jpg"), "/dev/zero");
        SpecialFiles.Fifo(Path.Combine(images, "pipe.jpg"));
        File.Copy(Directory.GetFiles(RepoPaths.InRepo("data", "demo", "images"), "*.jpg").First(), Path.Combine(images, "good.jpg"));
        var cases = temp.Write("cases.jsonl", string.Join('\n',
            Line("vgr-000000", "images/good.jpg"), Line("vgr-000001", "images/zero.jpg"), Line("vgr-000002", "images/pipe.jpg")) + "\n");

        var fail = await WithinAsync(CliRun.InvokeAsync("eval", "--model", Demo, "--subset", cases, "--out", temp.File("fail"), "--no-cache"));
        var skip = await WithinAsync(CliRun.InvokeAsync("eval", "--model", Demo, "--subset", cases, "--out", temp.File("skip"), "--no-cache", "--on-error", "skip", "--allow-skips"));

        Assert.Equal(2, fail.ExitCode);
        Assert.Contains("case vgr-000001: image ", fail.Error, StringComparison.Ordinal);
        Assert.Contains("zero.jpg: is a character device, not a regular file (a link to /dev/zero)", fail.Error, StringComparison.Ordinal);
        Assert.True(skip.ExitCode == 0, skip.Error);
        var skipped = CsvTable.Read(temp.File("skip", "skipped.csv")).Rows;
        Assert.Equal(["vgr-000001", "vgr-000002"], skipped.Select(r => r["id"]));
        Assert.Contains("is a named pipe (FIFO), not a regular file", skipped[1]["reason"], StringComparison.Ordinal);
    }

    private static string Line(string id, string image) =>
        $"{{\"id\": \"{id}\", \"image\": \"{image}\", \"captions\": [\"a red square\", \"a blue circle\"], \"label\": 0}}";

    /// <summary>The run, which must not hang: a FIFO that is opened blocks forever.</summary>
    private static async Task<CliRun> WithinAsync(Task<CliRun> run)
    {
        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(120))) == run, "the command hung");
        return await run;
    }
}
