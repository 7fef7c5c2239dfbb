using Aro.Core.Checkpoints;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Eval;

/// <summary>An interrupted evaluation resumes from its checkpoints to the same bytes an uninterrupted one writes.</summary>
public sealed class ResumeTests
{
    private static EvalRequest Request(string subsets, string output, bool resume = false, IReadOnlyList<int>? seeds = null) => new(
        RepoPaths.InRepo("models", "demo"), subsets, RepoPaths.InRepo("data", "demo"), output,
        new EvaluationSettings(BatchSize: 8), RuntimeOptions.Default, Seeds: seeds, NoCache: true, Resume: resume);

    [Fact]
    public async Task Interrupted_run_resumes_to_byte_identical_results()
    {
        using var temp = new TempDirectory();
        var cases = SyntheticCases.Write(temp.File("data"), 120);
        var subsets = $"relation,{cases},coco-order";
        await EvalJob.RunAsync(Request(subsets, temp.File("whole")), new NullEvalObserver());

        using var cancellation = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            EvalJob.RunAsync(Request(subsets, temp.File("resumed")), new CancellingObserver(cancellation, "cases", 40), cancellation.Token));

        // Interrupted inside the second subset: the first is final, the second only checkpointed.
        Assert.True(File.Exists(temp.File("resumed", "relation.predictions.csv")));
        Assert.False(File.Exists(temp.File("resumed", "cases.predictions.csv")));
        Assert.False(File.Exists(temp.File("resumed", "summary.csv")));
        Assert.True(File.Exists(temp.File("resumed", CheckpointFolder.FolderName, "cases.state.json")));

        var observer = new NullEvalObserver();
        await EvalJob.RunAsync(Request(subsets, temp.File("resumed"), resume: true), observer);

        Assert.Equal(40, observer.Progress.First(p => p.Subset == "cases").Done);
        foreach (var file in Directory.GetFiles(temp.File("whole"), "*.csv"))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(temp.File("resumed", Path.GetFileName(file))));
        }

        Assert.False(Directory.Exists(temp.File("resumed", CheckpointFolder.FolderName)));
    }

    [Fact]
    public async Task A_checkpoint_of_another_configuration_is_refused()
    {
        using var temp = new TempDirectory();
        var cases = SyntheticCases.Write(temp.File("data"), 64);
        using var cancellation = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            EvalJob.RunAsync(Request(cases, temp.File("out")), new CancellingObserver(cancellation, "cases", 16), cancellation.Token));

        var changed = Request(cases, temp.File("out"), resume: true) with { Settings = new EvaluationSettings(BatchSize: 8, Limit: 30) };
        var error = await Assert.ThrowsAsync<AroInputException>(() => EvalJob.RunAsync(changed, new NullEvalObserver()));

        Assert.Contains("was made by a different run", error.Message);
    }

    [Fact]
    public async Task Resume_without_a_checkpoint_warns_and_runs_everything()
    {
        using var temp = new TempDirectory();
        var observer = new NullEvalObserver();

        var outcome = await EvalJob.RunAsync(Request("relation", temp.File("out"), resume: true), observer);

        Assert.Contains(observer.Warnings, w => w.Contains("no interrupted run", StringComparison.Ordinal));
        Assert.Equal(24, outcome.Summaries.Single().Samples);
    }
}
