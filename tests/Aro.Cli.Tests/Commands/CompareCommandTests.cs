using System.Text.Json;
using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary>`aro compare` as a CI job runs it: exit codes, plain output, --json.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public CompareCommandTests()
    {
        new HandWrittenResults(_temp.File("base")).Summary(("relation", 100, 10, 0.5, 0.80), ("coco-order", 50, 1, 0.40, 0.40))
            .Groups("relation", ("on", 40, 0.5, true), ("near", 40, 0.5, false)).Groups("coco-order", ("coco-order", 50, 0.4, true));
        new HandWrittenResults(_temp.File("same")).Summary(("relation", 100, 10, 0.5, 0.80), ("coco-order", 50, 1, 0.40, 0.40));
        new HandWrittenResults(_temp.File("slight")).Summary(("relation", 100, 10, 0.5, 0.795), ("coco-order", 50, 1, 0.40, 0.40))
            .Groups("relation", ("on", 40, 0.42, true), ("near", 40, 0.0, false)).Groups("coco-order", ("coco-order", 50, 0.4, true));
        new HandWrittenResults(_temp.File("worse")).Summary(("relation", 100, 10, 0.5, 0.78), ("coco-order", 50, 1, 0.40, 0.40));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task No_drop_exits_0_with_a_plain_table()
    {
        var run = await CliRun.InvokeAsync("compare", _temp.File("base"), _temp.File("same"));

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("relation    macro     0.8000     0.8000  +0.0000  ok", run.Out);
        Assert.Contains("coco-order  p@1       0.4000     0.4000  +0.0000  ok", run.Out);
        Assert.EndsWith("OK: no drop beyond the threshold in 2 subsets\n", run.Out);
        Assert.DoesNotContain("\u001b[", run.Out);
        Assert.DoesNotContain("╭", run.Out);
    }

    [Fact]
    public async Task Drop_beyond_max_drop_exits_1_and_a_drop_within_it_exits_0()
    {
        var worse = await CliRun.InvokeAsync("compare", _temp.File("base"), _temp.File("worse"), "--max-drop", "0.01");
        var tolerated = await CliRun.InvokeAsync("compare", _temp.File("base"), _temp.File("worse"), "--max-drop", "0.02");

        Assert.Equal(1, worse.ExitCode);
        Assert.Contains("relation    macro     0.8000     0.7800  -0.0200  DROP", worse.Out);
        Assert.Contains("FAIL: 1 drop(s)", worse.Out);
        Assert.Equal(0, tolerated.ExitCode);
    }

    [Fact]
    public async Task Group_drop_fails_only_with_max_group_drop_and_json_records_it()
    {
        var subsetsOnly = await CliRun.InvokeAsync("compare", _temp.File("base"), _temp.File("slight"));
        var withGroups = await CliRun.InvokeAsync("compare", Path.Combine(_temp.File("base"), "summary.csv"), _temp.File("slight"),
            "--max-group-drop", "0.05", "--json", _temp.File("out", "compare.json"));

        Assert.Equal(0, subsetsOnly.ExitCode);
        Assert.Equal(1, withGroups.ExitCode);
        Assert.Contains("relation  on     40/40    0.5000     0.4200  -0.0800  DROP", withGroups.Out);
        using var json = JsonDocument.Parse(File.ReadAllText(_temp.File("out", "compare.json")));
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        var groups = json.RootElement.GetProperty("groups");
        Assert.Equal(["on", "coco-order"], groups.EnumerateArray().Select(g => g.GetProperty("group").GetString()));
        Assert.Equal("drop", groups[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_input_exits_2_naming_the_problem()
    {
        new HandWrittenResults(_temp.File("broken")).Write("summary.csv", "subset,samples,groups,micro_accuracy,macro_accuracy\nrelation,100,ten,0.5,0.5\n");
        new HandWrittenResults(_temp.File("other")).Summary(("attribution", 10, 1, 0.5, 0.5));

        var missing = await CliRun.InvokeAsync("compare", _temp.File("base"), _temp.File("nowhere"));
        var malformed = await CliRun.InvokeAsync("compare", _temp.File("base"), _temp.File("broken"));
        var disjoint = await CliRun.InvokeAsync("compare", _temp.File("base"), _temp.File("other"));
        var noGroups = await CliRun.InvokeAsync("compare", _temp.File("base"), _temp.File("same"), "--max-group-drop", "0.05");
        var negative = await CliRun.InvokeAsync("compare", _temp.File("base"), _temp.File("same"), "--max-drop", "-0.1");
        var notANumber = await CliRun.InvokeAsync("compare", _temp.File("base"), _temp.File("same"), "--max-drop", "one");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nowhere: no such results folder or summary.csv", missing.Error);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("summary.csv: line 2: field 'groups' 'ten' is not a non-negative integer", malformed.Error);
        Assert.Equal(2, disjoint.ExitCode);
        Assert.Contains("have no subset in common", disjoint.Error);
        Assert.Equal(2, noGroups.ExitCode);
        Assert.Contains("relation.groups.csv: file not found", noGroups.Error);
        Assert.Equal(2, negative.ExitCode);
        Assert.Contains("--max-drop must be a share of 0 or more (0.01 = one point), found -0.1", negative.Error);
        Assert.Equal(2, notANumber.ExitCode);
        Assert.Contains("--max-drop: 'one' is not a number", notANumber.Error);
        foreach (var run in new[] { missing, malformed, disjoint, noGroups, negative, notANumber })
        {
            Assert.Empty(run.Out);
            Assert.DoesNotContain("   at ", run.Error);
        }
    }

    [Fact]
    public async Task Output_is_the_same_bytes_on_every_run()
    {
        var first = await CliRun.InvokeAsync("compare", _temp.File("base"), _temp.File("slight"), "--max-group-drop", "0.05");
        var second = await CliRun.InvokeAsync("compare", _temp.File("base"), _temp.File("slight"), "--max-group-drop", "0.05");

        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public async Task On_a_terminal_the_same_verdict_comes_as_a_table()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await AroCli.RunAsync(["compare", _temp.File("base"), _temp.File("worse")], new CliConsole(output, error, isTerminal: true));

        Assert.Equal(1, code);
        Assert.Contains("DROP", output.ToString());
        Assert.Contains("FAIL: 1 drop(s)", output.ToString());
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task Help_shows_examples()
    {
        var run = await CliRun.InvokeAsync("compare", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--max-group-drop", run.Out);
        Assert.Contains("aro compare results/clip results/clip-candidate --max-drop 0.01", run.Out);
    }
}
