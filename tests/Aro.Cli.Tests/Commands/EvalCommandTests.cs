using System.Text.Json;
using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary>`aro eval` on the bundled demo package and data, and its errors.</summary>
public sealed class EvalCommandTests
{
    private static string DemoModel => RepoPaths.InRepo("models", "demo");

    private static string DemoData => RepoPaths.InRepo("data", "demo");

    [Fact]
    public async Task Demo_eval_writes_every_result_file_and_prints_the_table()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("eval", "--model", DemoModel, "--data", DemoData,
            "--subset", $"relation,attribution,{Path.Combine(DemoData, "cases.jsonl")}", "--out", temp.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var file in new[] { "summary.csv", "run.json", "relation.groups.csv", "relation.predictions.csv", "attribution.groups.csv", "coco-order.predictions.csv" })
        {
            Assert.True(File.Exists(temp.File(file)), file);
        }

        var summary = CsvTable.Read(temp.File("summary.csv"));
        Assert.Equal(["relation", "attribution", "coco-order"], summary.Rows.Select(r => r["subset"]));
        Assert.Equal(["24", "30", "20"], summary.Rows.Select(r => r["samples"]));
        using var run_json = JsonDocument.Parse(File.ReadAllText(temp.File("run.json")));
        var root = run_json.RootElement;
        Assert.Equal("demo", root.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal(64, root.GetProperty("model").GetProperty("files")[0].GetProperty("sha256").GetString()!.Length);
        Assert.Equal("CPUExecutionProvider", root.GetProperty("execution_provider").GetString());
        Assert.Equal(3, root.GetProperty("subsets").GetArrayLength());
        Assert.Contains("micro acc", run.Out);
        Assert.Contains("coco-order: done, 20 cases", run.Error);
    }

    [Fact]
    public async Task Limit_evaluates_only_the_first_cases()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("eval", "--model", DemoModel, "--data", DemoData, "--subset", "relation", "--limit", "5", "--out", temp.Path);

        Assert.Equal(0, run.ExitCode);
        var rows = CsvTable.Read(temp.File("relation.predictions.csv")).Rows;
        Assert.Equal(["0", "1", "2", "3", "4"], rows.Select(r => r["index"]));
    }

    [Fact]
    public async Task Unknown_subset_lists_the_known_ones_and_exits_2()
    {
        var run = await CliRun.InvokeAsync("eval", "--model", DemoModel, "--subset", "relaton");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown subset 'relaton'", run.Error);
        Assert.Contains("Did you mean 'relation'?", run.Error);
        Assert.Contains("relation, attribution, coco-order, flickr-order, sugarcrepe-add-att", run.Error);
        Assert.Contains("aro, all, sugarcrepe", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Unknown_model_names_where_it_looked_and_exits_2()
    {
        var run = await CliRun.InvokeAsync("eval", "--model", "no-such-model", "--subset", "relation");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown model 'no-such-model'", run.Error);
    }

    [Fact]
    public async Task Missing_required_option_is_a_usage_error()
    {
        var run = await CliRun.InvokeAsync("eval", "--subset", "relation");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--model", run.Error);
        Assert.Contains("aro eval --help", run.Error);
    }

    [Fact]
    public async Task Malformed_annotation_names_file_record_and_field_without_a_stack_trace()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("visual_genome_relation.json"),
            """[{"image_path": "a.jpg", "bbox_x": 0, "bbox_y": 0, "bbox_w": 5, "bbox_h": 5, "true_caption": "a", "false_caption": "b", "relation_name": "on"}, {"image_path": "b.jpg", "bbox_x": "left"}]""");

        var run = await CliRun.InvokeAsync("eval", "--model", DemoModel, "--data", temp.Path, "--subset", "relation", "--out", temp.File("out"));
        var verbose = await CliRun.InvokeAsync("eval", "--model", DemoModel, "--data", temp.Path, "--subset", "relation", "--out", temp.File("out"), "--verbose");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("visual_genome_relation.json: record 1: field 'bbox_x' must be a finite number", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal(2, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Error);
        Assert.False(File.Exists(temp.File(Path.Combine("out", "relation.predictions.csv"))));
    }

    [Fact]
    public async Task Missing_image_names_the_case_and_the_file()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("cases.jsonl"),
            """{"id": "x-1", "image": "images/missing.jpg", "captions": ["a", "b"], "label": 0}""" + "\n");

        var run = await CliRun.InvokeAsync("eval", "--model", DemoModel, "--subset", temp.File("cases.jsonl"), "--out", temp.File("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("case x-1: image", run.Error);
        Assert.Contains("missing.jpg: file not found", run.Error);
    }

    [Fact]
    public async Task Help_shows_examples()
    {
        var run = await CliRun.InvokeAsync("eval", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Examples:", run.Out);
        Assert.Contains("aro eval --model models/demo", run.Out);
    }

    [Fact]
    public async Task Device_cuda_on_the_cpu_build_is_a_clear_error()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("eval", "--model", DemoModel, "--data", DemoData, "--subset", "relation", "--device", "cuda", "--out", temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--device cuda: this build of aro ships the CPU ONNX Runtime", run.Error);
        Assert.Contains("-p:AroGpu=true", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData("--batch-size", "x", "--batch-size: 'x' is not an integer")]
    [InlineData("--batch-size", "0", "--batch-size must be between 1 and 4096")]
    [InlineData("--limit", "-3", "--limit must be at least 1")]
    [InlineData("--on-error", "ignore", "--on-error: 'ignore' is not one of fail, skip")]
    [InlineData("--shard", "3/3", "--shard '3/3' is not i/n")]
    [InlineData("--seeds", "1,x", "--seeds: 'x' is not an integer")]
    public async Task Bad_option_values_exit_2_without_a_stack_trace(string option, string value, string message)
    {
        var run = await CliRun.InvokeAsync("eval", "--model", DemoModel, "--data", DemoData, "--subset", "relation", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }
}
