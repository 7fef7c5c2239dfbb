using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Aro.Core.Checkpoints;
using Aro.Core.Evaluation;
using Aro.Core.Metrics;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Eval;

/// <summary>
/// A checkpoint carries a SHA-256 over its tallies and over the rows they count: a state file changed by hand or cut
/// short, and partial predictions changed after the checkpoint, are refused on --resume, never resumed into numbers
/// no rows back (a tampered tally once resumed to a micro accuracy of 2500.48 with exit 0).
/// </summary>
public sealed partial class CheckpointIntegrityTests
{
    private static EvalRequest Request(string subsets, string output, bool resume = false) => new(
        RepoPaths.InRepo("models", "demo"), subsets, RepoPaths.InRepo("data", "demo"), output,
        new EvaluationSettings(BatchSize: 8), RuntimeOptions.Default, NoCache: true, Resume: resume);

    /// <summary>Runs 64 synthetic cases into <c>out</c> and stops after 24; returns the cases file.</summary>
    private static async Task<string> Interrupt(TempDirectory temp)
    {
        var cases = SyntheticCases.Write(temp.File("data"), 64);
        using var cancellation = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            EvalJob.RunAsync(Request(cases, temp.File("out")), new CancellingObserver(cancellation, "cases", 24), cancellation.Token));
        Assert.True(File.Exists(StatePath(temp)));
        return cases;
    }

    private static string StatePath(TempDirectory temp) => temp.File("out", CheckpointFolder.FolderName, "cases.state.json");

    private static async Task<AroInputException> ResumeFails(TempDirectory temp, string cases) =>
        await Assert.ThrowsAsync<AroInputException>(() => EvalJob.RunAsync(Request(cases, temp.File("out"), resume: true), new NullEvalObserver()));

    [Fact]
    public async Task A_tampered_tally_is_refused_naming_the_file_and_what_to_do()
    {
        using var temp = new TempDirectory();
        var cases = await Interrupt(temp);
        var text = File.ReadAllText(StatePath(temp));
        var tampered = CorrectCount().Replace(text, "\"correct\":2500", 1);
        Assert.NotEqual(text, tampered);
        File.WriteAllText(StatePath(temp), tampered);

        var error = await ResumeFails(temp, cases);

        Assert.Contains(StatePath(temp), error.Message);
        Assert.Contains("does not match the SHA-256 checksum", error.Message);
        Assert.Contains("run again without --resume", error.Message);
        Assert.Contains("--force", error.Message);
        Assert.False(File.Exists(temp.File("out", "summary.csv")));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.99)]
    [InlineData(0.0)]
    public async Task A_torn_checkpoint_is_refused(double keptFraction)
    {
        using var temp = new TempDirectory();
        var cases = await Interrupt(temp);
        var bytes = File.ReadAllBytes(StatePath(temp));
        File.WriteAllBytes(StatePath(temp), bytes[..(int)(bytes.Length * keptFraction)]);

        var error = await ResumeFails(temp, cases);

        Assert.Contains(StatePath(temp), error.Message);
        Assert.Contains("cut short", error.Message);
        Assert.Contains("run again without --resume", error.Message);
    }

    [Fact]
    public async Task Rows_changed_after_the_checkpoint_are_refused()
    {
        using var temp = new TempDirectory();
        var cases = await Interrupt(temp);
        var partial = temp.File("out", CheckpointFolder.FolderName, "cases.predictions.csv");
        var rows = File.ReadAllText(partial);
        var changed = rows.Replace(",true,", ",false,", StringComparison.Ordinal);
        Assert.NotEqual(rows, changed);
        File.WriteAllText(partial, changed);

        var error = await ResumeFails(temp, cases);

        Assert.Contains(partial, error.Message);
        Assert.Contains("do not match the SHA-256 checksum", error.Message);
        Assert.Contains("run again without --resume", error.Message);
    }

    [Fact]
    public async Task Starting_over_without_resume_after_a_refusal_gives_the_uninterrupted_results()
    {
        using var temp = new TempDirectory();
        var cases = await Interrupt(temp);
        File.WriteAllText(StatePath(temp), "{\"sha256\":");
        await ResumeFails(temp, cases);

        await EvalJob.RunAsync(Request(cases, temp.File("out")), new NullEvalObserver());
        await EvalJob.RunAsync(Request(cases, temp.File("whole")), new NullEvalObserver());

        foreach (var file in Directory.GetFiles(temp.File("whole"), "*.csv"))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(temp.File("out", Path.GetFileName(file))));
        }
    }

    [Fact]
    public void A_saved_checkpoint_loads_back_equal()
    {
        using var temp = new TempDirectory();
        var folder = new CheckpointFolder(temp.Path);
        var state = new SubsetCheckpoint("key", 5, 120, [new GroupCount("a", 3, 2)], new Dictionary<string, int> { ["x"] = 1 },
            [new SkippedCase(3, "7", "a", "bad image"), new SkippedCase(4, "8", "a", "empty caption")], false, "ab");
        folder.Save("s", state);

        var loaded = folder.Load("s")!;

        Assert.Equal(state.RunKey, loaded.RunKey);
        Assert.Equal(state.CasesDone, loaded.CasesDone);
        Assert.Equal(state.PredictionBytes, loaded.PredictionBytes);
        Assert.Equal(state.Groups, loaded.Groups);
        Assert.Equal(state.Diagnostics, loaded.Diagnostics);
        Assert.Equal(state.Skipped, loaded.Skipped);
        Assert.Equal(state.RowsSha256, loaded.RowsSha256);
    }

    [Theory]
    [InlineData("{\"run_key\":\"k\",\"cases_done\":5,\"prediction_bytes\":9,\"groups\":[{\"group\":\"g\",\"count\":5,\"correct\":6}],\"skipped\":[],\"complete\":false,\"rows_sha256\":\"ab\"}", "counts 6 correct of 5")]
    [InlineData("{\"run_key\":\"k\",\"cases_done\":9,\"prediction_bytes\":9,\"groups\":[{\"group\":\"g\",\"count\":5,\"correct\":1}],\"skipped\":[],\"complete\":false,\"rows_sha256\":\"ab\"}", "do not add up")]
    [InlineData("{\"run_key\":\"k\",\"cases_done\":-1,\"prediction_bytes\":9,\"groups\":[],\"skipped\":[],\"complete\":false,\"rows_sha256\":\"ab\"}", "cases_done is -1")]
    [InlineData("{\"cases_done\":0,\"prediction_bytes\":9,\"groups\":[],\"skipped\":[],\"complete\":false}", "a required field is missing")]
    public void Impossible_tallies_are_refused_even_with_a_matching_checksum(string checkpoint, string expected)
    {
        using var temp = new TempDirectory();
        var folder = new CheckpointFolder(temp.Path);
        Directory.CreateDirectory(folder.Path);
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(checkpoint)));
        File.WriteAllText(Path.Combine(folder.Path, "s.state.json"), $"{{\"sha256\":\"{digest}\",\"checkpoint\":{checkpoint}}}");

        var error = Assert.Throws<AroInputException>(() => folder.Load("s"));

        Assert.Contains("impossible", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_checkpoint_without_its_checksum_is_refused()
    {
        using var temp = new TempDirectory();
        var folder = new CheckpointFolder(temp.Path);
        Directory.CreateDirectory(folder.Path);
        File.WriteAllText(Path.Combine(folder.Path, "s.state.json"), "{\"run_key\":\"k\",\"cases_done\":0}");

        var error = Assert.Throws<AroInputException>(() => folder.Load("s"));

        Assert.Contains("not a checkpoint with its checksum", error.Message);
    }

    [GeneratedRegex("\"correct\":\\d+")]
    private static partial Regex CorrectCount();
}
