using System.Text.Json;
using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary>
/// <c>aro bench --profile</c> prints the stage totals and a line per batch and writes them into the JSON;
/// <c>--simulate-encoders</c> runs the pipeline against encoders of given speeds (no graph) and says so;
/// <c>--page-lock on</c> where CUDA cannot page-lock runs on pageable tensors and reports them so.
/// </summary>
public sealed class BenchProfileTests
{
    [Fact]
    public async Task Profile_prints_stage_totals_and_a_timeline_and_writes_them_to_the_json()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("bench", "--model", RepoPaths.InRepo("models", "demo"), "--images", "10", "--batch-size", "4",
            "--profile", "--out", temp.File("bench.json"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("encoders busy", run.Out);
        Assert.Contains("stage totals over", run.Out);
        Assert.Contains("per batch", run.Out);
        using var json = JsonDocument.Parse(File.ReadAllText(temp.File("bench.json")));
        var profile = json.RootElement.GetProperty("profile");
        Assert.Equal(3, profile.GetProperty("batches").GetArrayLength());
        var stages = profile.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("count").GetInt64());
        Assert.Equal(10, stages["decode"]);
        Assert.Equal(10, stages["encode images"]);
        Assert.Equal(json.RootElement.GetProperty("captions_encoded").GetInt64(), stages["encode captions"]);
        Assert.InRange(json.RootElement.GetProperty("encoder_busy").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task Simulated_encoders_replace_the_graphs_at_the_given_speeds()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("bench", "--model", RepoPaths.InRepo("models", "demo"), "--images", "8", "--batch-size", "4",
            "--simulate-encoders", "400,4000", "--out", temp.File("bench.json"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("simulated: no graph is run", run.Out);
        using var json = JsonDocument.Parse(File.ReadAllText(temp.File("bench.json")));
        Assert.True(json.RootElement.GetProperty("simulated").GetBoolean());
        Assert.Equal(400, json.RootElement.GetProperty("images_per_second").GetDouble());
        Assert.Equal(4000, json.RootElement.GetProperty("captions_per_second").GetDouble());

        // 8 images at 400/s and the captions at 4000/s is what the simulated encoders must take at least.
        var bare = json.RootElement.GetProperty("bare_seconds_for_same_work").GetDouble();
        Assert.Equal(Math.Round((8 / 400.0) + (json.RootElement.GetProperty("captions_encoded").GetInt64() / 4000.0), 3), bare);
    }

    [SkippableFact]
    public async Task Page_locking_asked_for_without_a_cuda_runtime_runs_with_pageable_tensors_and_says_so()
    {
        var cuda = System.Runtime.InteropServices.NativeLibrary.TryLoad("libcudart.so.13", out var handle);
        if (cuda)
        {
            System.Runtime.InteropServices.NativeLibrary.Free(handle);
        }

        Skip.If(cuda, "a CUDA runtime is installed here, so page-locking may succeed");
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("bench", "--model", RepoPaths.InRepo("models", "demo"), "--images", "6", "--batch-size", "4",
            "--page-lock", "on", "--out", temp.File("bench.json"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("page-locked tensors", run.Out);
        using var json = JsonDocument.Parse(File.ReadAllText(temp.File("bench.json")));
        Assert.False(json.RootElement.GetProperty("page_locked").GetBoolean());
        Assert.Equal(6, json.RootElement.GetProperty("cases").GetInt32());
    }

    [Theory]
    [InlineData("400")]
    [InlineData("0,100")]
    [InlineData("fast,100")]
    public async Task Simulated_speeds_must_be_two_positive_numbers(string value)
    {
        var run = await CliRun.InvokeAsync("bench", "--model", RepoPaths.InRepo("models", "demo"), "--simulate-encoders", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--simulate-encoders", run.Error);
        Assert.DoesNotContain("unexpected error", run.Error);
    }
}
