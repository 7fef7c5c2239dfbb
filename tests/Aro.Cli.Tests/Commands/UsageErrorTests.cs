using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary>
/// Usage errors: one format (<c>aro: error: </c>, the problem, what to do), exit 2, a "did you mean" for mistyped
/// subsets, models, options and commands, and every check that needs no model made before the model is loaded.
/// The ordering tests use a copy of the demo package whose vision graph is not a graph at all: had aro loaded it,
/// the error would be ONNX Runtime's (or the sha256 mismatch), not the usage error asserted.
/// </summary>
public sealed class UsageErrorTests
{
    private const string Prefix = "aro: error: ";

    /// <summary>The bytes that replace the vision graph, and their sha256 (by <c>hashlib.sha256</c>).</summary>
    private const string NotAGraph = "not an onnx graph\n";

    private const string NotAGraphSha256 = "e00bce7dd8cdbebfce746b4453153c2bfc6a4987b503bde035b246f3aefa1194";

    /// <summary>The demo vision graph's sha256 as models/demo/aro-model.json lists it.</summary>
    private const string DemoVisionSha256 = "ce79be7a5ec803297b5c61dc81d0f950184bace9b14fac644ced95e407fa1d79";

    private static string DemoModel => RepoPaths.InRepo("models", "demo");

    private static string DemoData => RepoPaths.InRepo("data", "demo");

    [Theory]
    [InlineData("aro --help", "evl", "--model", "m")]
    [InlineData("aro eval --help", "eval", "--modle", "m", "--subset", "relation")]
    [InlineData("aro eval --help", "eval", "--model", "m", "--subset", "relation", "--seed", "abc")]
    [InlineData("aro eval --help", "eval", "--model", "m", "--subset", "relation", "--limit", "0")]
    [InlineData("aro eval --help", "eval", "--model", "m", "--subset", "relation", "--shard", "4/4")]
    [InlineData("aro eval --help", "eval", "--model", "m", "--subset", "relation", "--seeds", "1,2", "--seed", "3")]
    [InlineData("aro models --help", "models", "pul", "clip")]
    [InlineData("aro compare --help", "compare", "a", "b", "--max-drop", "x")]
    [InlineData("aro --help")]
    public async Task Parse_errors_are_one_line_each_then_the_help_hint_and_exit_2(string hint, params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.True(lines.Count >= 2, run.Error);
        Assert.All(lines[..^1], line => Assert.StartsWith(Prefix, line, StringComparison.Ordinal));
        Assert.Equal($"Run '{hint}' for usage and examples.", lines[^1]);
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrecognized command or argument", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "evl", "--model", "m" }, "unknown command 'evl' for 'aro'. Did you mean 'eval'? Commands: eval, models, data,")]
    [InlineData(new[] { "models", "inspcet", "x" }, "unknown command 'inspcet' for 'aro models'. Did you mean 'inspect'? Commands: list, pull, inspect.")]
    [InlineData(new[] { "eval", "--model", "m", "--subset", "relation", "--limti", "5" }, "unknown option '--limti' for 'aro eval'. Did you mean '--limit'?")]
    [InlineData(new[] { "eval", "--model", "m", "--subset", "relation", "--verbsoe" }, "unknown option '--verbsoe' for 'aro eval'. Did you mean '--verbose'?")]
    [InlineData(new[] { "eval", "--model", "m", "--subset", "relation", "--seed", "abc" }, "--seed: 'abc' is not an integer")]
    [InlineData(new[] { "eval", "--model", "m", "--subset", "relation", "--overlap", "of" }, "--overlap: 'of' is not one of auto, off, on. Did you mean 'off' or 'on'?")]
    [InlineData(new[] { "data", "pull", "relaton" }, "<subset>: 'relaton' is not one of ")]
    [InlineData(new[] { "eval", "--subset", "relation" }, "--model is required: Model name under models/")]
    [InlineData(new string[0], "'aro' needs a command: eval, models, data,")]
    public async Task Parse_errors_are_in_aros_words(string[] args, string message)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(Prefix + message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_after_an_unknown_option_and_the_arguments_of_an_unknown_command_are_not_reported_again()
    {
        var option = await CliRun.InvokeAsync("eval", "--model", "m", "--subset", "relation", "--limti", "5");
        var command = await CliRun.InvokeAsync("evl", "--model", "m", "--subset", "relation");

        Assert.Single(option.Error.Split('\n'), l => l.StartsWith(Prefix, StringComparison.Ordinal));
        Assert.Single(command.Error.Split('\n'), l => l.StartsWith(Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mistyped_subset_is_named_before_a_missing_model()
    {
        var run = await CliRun.InvokeAsync("eval", "--model", "no-such-model", "--subset", "relaton");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(Prefix + "unknown subset 'relaton'. Did you mean 'relation'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_model_name_or_folder_gets_a_did_you_mean()
    {
        var name = await CliRun.InvokeAsync("eval", "--model", "negclp", "--subset", "relation");
        var folder = await CliRun.InvokeAsync("eval", "--model", DemoModel + "x", "--subset", "relation");

        Assert.Equal(2, name.ExitCode);
        Assert.Contains("unknown model 'negclp'", name.Error, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'negclip'?", name.Error, StringComparison.Ordinal);
        Assert.Equal(2, folder.ExitCode);
        Assert.Contains($"model folder not found: {DemoModel}x. Did you mean '{DemoModel}'?", folder.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_data_folder_is_named_as_missing_with_a_did_you_mean()
    {
        using var package = BrokenPackage();
        var typo = DemoData[..^1];

        var run = await CliRun.InvokeAsync("eval", "--model", package.Path, "--data", typo, "--subset", "relation", "--out", package.File("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{Prefix}--data {typo}: the folder {typo} does not exist. Did you mean '{DemoData}'? Pass an existing data folder, or add --pull to download the data into it.",
            run.Error.TrimEnd());
        Assert.DoesNotContain("aro data pull", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seed", "abc")]
    [InlineData("--seeds", "1,x")]
    [InlineData("--limit", "0")]
    [InlineData("--shard", "2/2")]
    [InlineData("--subset", "relation,missing.jsonl")]
    [InlineData("--subset", "relaton")]
    public async Task Bad_values_are_reported_without_loading_the_model(string option, string value)
    {
        using var package = BrokenPackage();
        string[] args = ["eval", "--model", package.Path, "--data", DemoData, "--subset", "relation", "--out", package.File("out"), "--skip-hash-check"];
        var index = Array.IndexOf(args, option);
        args = index >= 0 ? [.. args[..(index + 1)], value, .. args[(index + 2)..]] : [.. args, option, value];

        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(Prefix, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ONNX Runtime", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(package.File("out")));
    }

    [Fact]
    public async Task An_out_that_is_a_file_is_refused_before_the_model_is_loaded()
    {
        using var package = BrokenPackage();
        var file = package.Write("results.txt", "not a folder");

        var direct = await CliRun.InvokeAsync("eval", "--model", package.Path, "--data", DemoData, "--subset", "relation", "--out", file, "--skip-hash-check");
        var under = await CliRun.InvokeAsync("eval", "--model", package.Path, "--data", DemoData, "--subset", "relation", "--out", Path.Combine(file, "run"), "--skip-hash-check");

        Assert.Equal(2, direct.ExitCode);
        Assert.Equal($"{Prefix}--out {file}: {file} is a file, not a folder. Choose a folder for the results (default results/<model>).", direct.Error.TrimEnd());
        Assert.Equal(2, under.ExitCode);
        Assert.Contains($"{file}, a part of its path, is a file, not a folder", under.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_folder_holding_another_models_run_is_refused_before_the_model_is_loaded()
    {
        using var package = DemoWithOtherStd();
        var earlier = await CliRun.InvokeAsync("eval", "--model", DemoModel, "--data", DemoData, "--subset", "relation", "--limit", "2", "--out", package.File("out"));
        Assert.True(earlier.ExitCode == 0, earlier.Error);

        var run = await CliRun.InvokeAsync("eval", "--model", package.Path, "--data", DemoData, "--subset", "relation", "--limit", "2", "--out", package.File("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds another run's results", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ONNX Runtime", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_graph_that_differs_from_the_manifests_sha256_is_named_and_the_flag_skips_the_check()
    {
        using var package = BrokenPackage();
        var graph = package.File("vision_model.onnx");

        var run = await CliRun.InvokeAsync("eval", "--model", package.Path, "--data", DemoData, "--subset", "relation", "--out", package.File("out"));
        var skipped = await CliRun.InvokeAsync("eval", "--model", package.Path, "--data", DemoData, "--subset", "relation", "--out", package.File("out"), "--skip-hash-check");
        var inspect = await CliRun.InvokeAsync("models", "inspect", package.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{Prefix}{graph} differs from aro-model.json's sha256 (expected {DemoVisionSha256}, found {NotAGraphSha256})", run.Error, StringComparison.Ordinal);
        Assert.Contains("pass --skip-hash-check", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, skipped.ExitCode);
        Assert.Contains($"{graph}: not a readable ONNX model", skipped.Error, StringComparison.Ordinal);
        Assert.Equal(2, inspect.ExitCode);
        Assert.Contains("differs from aro-model.json's sha256", inspect.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_says_how_many_files_match_the_manifest()
    {
        var run = await CliRun.InvokeAsync("models", "inspect", DemoModel);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("sha256     4 file(s) match aro-model.json", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_of_a_data_folder_says_it_is_one_and_does_not_suggest_writing_results_into_it()
    {
        var run = await CliRun.InvokeAsync("report", DemoData, "--out", Path.Combine(Path.GetTempPath(), "aro-never-written.html"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{Prefix}{DemoData} is not a results folder: it has no summary.csv. It looks like a data folder (it holds ", run.Error, StringComparison.Ordinal);
        Assert.Contains("Pass a folder written by aro eval", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("--out " + DemoData, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_runtime_error_starts_with_the_one_prefix()
    {
        var run = await CliRun.InvokeAsync("eval", "--model", DemoModel, "--subset", "no-such.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(Prefix + "--subset: cases file not found:", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The demo package with its vision graph replaced by <see cref="NotAGraph"/>; its manifest still lists the real graph's sha256.</summary>
    /// <summary>The demo package with another image std, so another model (fingerprint) for a results folder.</summary>
    private static TempDirectory DemoWithOtherStd()
    {
        var temp = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(DemoModel))
        {
            File.Copy(file, temp.File(Path.GetFileName(file)));
        }

        var manifest = temp.File("aro-model.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("0.26862954", "0.3", StringComparison.Ordinal));
        return temp;
    }

    private static TempDirectory BrokenPackage()
    {
        var temp = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(DemoModel))
        {
            File.Copy(file, temp.File(Path.GetFileName(file)));
        }

        File.WriteAllText(temp.File("vision_model.onnx"), NotAGraph);
        return temp;
    }
}
