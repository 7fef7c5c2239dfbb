using System.Diagnostics;
using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Cli.Tests.Commands;

/// <summary>
/// A real `aro eval` process is stopped with SIGTERM mid-run: it exits 130 promptly, leaves no half-written result
/// file, and `--resume` finishes it with results byte-identical to an uninterrupted run.
/// </summary>
public sealed class InterruptionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sigterm_stops_within_a_second_or_two_and_resume_gives_identical_results()
    {
        using var temp = new TempDirectory();
        var cases = SyntheticCases.Write(temp.File("data"), 1500);
        string[] args = ["eval", "--model", RepoPaths.InRepo("models", "demo"), "--subset", cases, "--batch-size", "8", "--no-cache"];
        var whole = await CliRun.InvokeAsync([.. args, "--out", temp.File("whole")]);
        Assert.True(whole.ExitCode == 0, whole.Error);

        var resumed = temp.File("resumed");
        using var process = ChildProcess.Start("aro", [.. args, "--out", resumed]);
        var state = Path.Combine(resumed, ".aro-partial", "cases.state.json");
        Assert.True(ChildProcess.WaitFor(() => File.Exists(state) || process.HasExited, TimeSpan.FromSeconds(60)), "no checkpoint appeared");
        Assert.False(process.HasExited, "the run finished before it could be interrupted; make it longer");
        Thread.Sleep(200);
        var clock = Stopwatch.StartNew();
        ChildProcess.Terminate(process);
        Assert.True(process.WaitForExit(10_000), "aro did not stop within 10 s of SIGTERM");
        clock.Stop();
        var stderr = await process.StandardError.ReadToEndAsync();
        output.WriteLine($"stopped {clock.ElapsedMilliseconds} ms after SIGTERM, exit code {process.ExitCode}");

        Assert.Equal(130, process.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.ElapsedMilliseconds} ms to stop");
        Assert.Contains("--resume", stderr);
        Assert.False(File.Exists(Path.Combine(resumed, "cases.predictions.csv")));
        Assert.False(File.Exists(Path.Combine(resumed, "summary.csv")));

        var resume = await CliRun.InvokeAsync([.. args, "--out", resumed, "--resume"]);
        Assert.True(resume.ExitCode == 0, resume.Error);
        foreach (var file in Directory.GetFiles(temp.File("whole"), "*.csv"))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(resumed, Path.GetFileName(file))));
        }
    }
}
