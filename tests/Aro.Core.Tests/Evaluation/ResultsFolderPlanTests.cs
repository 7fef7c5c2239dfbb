using System.Text.Json;
using Aro.Core.Benchmarks;
using Aro.Core.Evaluation;
using Aro.Core.IO;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Evaluation;

/// <summary>
/// A results folder holds exactly one consistent run: a second run of the same model and settings merges (its
/// subsets replace theirs, the others are kept and listed), anything else is refused before evaluating unless
/// <c>--force</c>, and a folder another aro is writing is refused at once.
/// </summary>
public sealed class ResultsFolderPlanTests
{
    private static readonly string Demo = RepoPaths.InRepo("data", "demo");

    [Fact]
    public async Task A_second_subset_of_the_same_model_and_settings_is_added_beside_the_first()
    {
        using var temp = new TempDirectory();
        await Run(temp, new InMemoryModel(), "relation");
        var first = File.ReadAllBytes(temp.File("out", ResultFiles.Predictions("relation")));

        var outcome = await Run(temp, new InMemoryModel(), "attribution,sugarcrepe-swap-att");

        var summary = CsvTable.Read(temp.File("out", ResultFiles.Summary)).Rows;
        Assert.Equal(["relation", "attribution", "sugarcrepe-swap-att"], summary.Select(r => r["subset"]));
        Assert.Equal(first, File.ReadAllBytes(temp.File("out", ResultFiles.Predictions("relation"))));
        using var run = JsonDocument.Parse(File.ReadAllText(temp.File("out", ResultFiles.Run)));
        var subsets = run.RootElement.GetProperty("subsets").EnumerateArray().ToList();
        Assert.Equal(["relation", "attribution", "sugarcrepe-swap-att"], subsets.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.String, subsets[0].GetProperty("from_earlier_run").ValueKind);
        Assert.Equal(JsonValueKind.Null, subsets[1].GetProperty("from_earlier_run").ValueKind);
        Assert.Equal(2, outcome.Summaries.Count);
    }

    [Fact]
    public async Task Re_running_a_subset_replaces_its_row_and_files_and_keeps_the_rest_in_place()
    {
        using var temp = new TempDirectory();
        await Run(temp, new InMemoryModel(), "relation,attribution");
        var before = CsvTable.Read(temp.File("out", ResultFiles.Summary)).Rows.Select(r => r["subset"]).ToList();

        await Run(temp, new InMemoryModel(), "relation");

        Assert.Equal(before, CsvTable.Read(temp.File("out", ResultFiles.Summary)).Rows.Select(r => r["subset"]));
        Assert.True(File.Exists(temp.File("out", ResultFiles.Groups("attribution"))));
    }

    [Theory]
    [InlineData("model", "model 'in-memory', not 'other'")]
    [InlineData("limit", "--limit none, not 5")]
    [InlineData("seeds", "seeds 1, not 1,2")]
    public async Task Another_run_is_refused_before_anything_is_evaluated_and_force_replaces_it(string change, string expected)
    {
        // Seeds decide only generated cases, so that case keeps an Order subset and adds another.
        var (first, second) = change == "seeds" ? ("coco-order", "flickr-order") : ("relation", "attribution");
        using var temp = new TempDirectory();
        await Run(temp, new InMemoryModel(), first);
        var model = change == "model" ? new InMemoryModel("other") { Fingerprint = "another-model-fingerprint-000001"u8.ToArray() } : new InMemoryModel();
        int? limit = change == "limit" ? 5 : null;
        IReadOnlyList<int>? seeds = change == "seeds" ? [1, 2] : null;

        var error = await Assert.ThrowsAsync<AroInputException>(() => Run(temp, model, second, limit: limit, seeds: seeds));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("--force", error.Message, StringComparison.Ordinal);
        Assert.Empty(model.ImageCalls);
        Assert.Empty(Directory.EnumerateFiles(temp.File("out"), second + "*"));

        await Run(temp, model, second, limit: limit, seeds: seeds, force: true);
        Assert.Equal([second], CsvTable.Read(temp.File("out", ResultFiles.Summary)).Rows.Select(r => r["subset"]));
        Assert.Empty(Directory.EnumerateFiles(temp.File("out"), first + "*"));
    }

    [Fact]
    public async Task Seeds_do_not_keep_a_subset_without_seeds_out_of_a_folder_of_seeded_results()
    {
        using var temp = new TempDirectory();
        await Run(temp, new InMemoryModel(), "coco-order", seeds: [1, 2, 3]);

        await Run(temp, new InMemoryModel(), "relation");

        Assert.Equal(["coco-order", "relation"], CsvTable.Read(temp.File("out", ResultFiles.Summary)).Rows.Select(r => r["subset"]));
        using var run = JsonDocument.Parse(File.ReadAllText(temp.File("out", ResultFiles.Run)));
        Assert.Equal([1, 2, 3], run.RootElement.GetProperty("seeds").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(File.Exists(temp.File("out", ResultFiles.Predictions("coco-order.seed-3"))));
    }

    [Fact]
    public async Task An_interrupted_run_is_refused_with_a_pointer_to_resume_and_resumed_with_it()
    {
        using var temp = new TempDirectory();
        await Run(temp, new InMemoryModel(), "relation");

        // What an interrupted run leaves: a finished subset's files and its checkpoint, but no run.json yet.
        File.Delete(temp.File("out", ResultFiles.Run));
        var checkpoints = new Aro.Core.Checkpoints.CheckpointFolder(temp.File("out"));
        Directory.CreateDirectory(checkpoints.Path);
        File.WriteAllText(Path.Combine(checkpoints.Path, "relation.state.json"), "{}");

        var error = await Assert.ThrowsAsync<AroInputException>(() => Run(temp, new InMemoryModel(), "relation"));
        Assert.Contains("add --resume to continue the interrupted run", error.Message, StringComparison.Ordinal);
        Assert.True(checkpoints.Exists, "the refusal kept the checkpoint");
    }

    [Fact]
    public async Task Result_files_that_no_run_json_names_are_refused()
    {
        using var temp = new TempDirectory();
        temp.Write("out/relation.predictions.csv", "index\n");

        var noManifest = await Assert.ThrowsAsync<AroInputException>(() => Run(temp, new InMemoryModel(), "relation"));
        Assert.Contains("without a run.json", noManifest.Message, StringComparison.Ordinal);

        File.Delete(temp.File("out", "relation.predictions.csv"));
        await Run(temp, new InMemoryModel(), "relation");
        temp.Write("out/flickr-order.groups.csv", "group\n");
        var orphan = await Assert.ThrowsAsync<AroInputException>(() => Run(temp, new InMemoryModel(), "attribution"));
        Assert.Contains("flickr-order.groups.csv", orphan.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_another_process_is_writing_is_refused_naming_it()
    {
        using var temp = new TempDirectory();
        using var held = FolderLock.Acquire(temp.File("out"), "another aro eval");

        var error = await Assert.ThrowsAsync<AroInputException>(() => Run(temp, new InMemoryModel(), "relation"));

        // The holder is this test's own process, which the lock names as such (another process is named by its id).
        Assert.Contains("is in use by this same process (another aro eval)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_names_from_manifests_become_safe_folder_names()
    {
        Assert.Equal("_._x", SafeFolderName.Of("../x"));
        Assert.Equal("a_b_c", SafeFolderName.Of("a/b\\c"));
        Assert.Equal("model", SafeFolderName.Of("   "));
        Assert.Equal(Path.Combine("results", "_._.._etc"), EvalJob.DefaultOut("../../etc"));
    }

    private static Task<EvalOutcome> Run(TempDirectory temp, InMemoryModel model, string subsets, int? limit = null, IReadOnlyList<int>? seeds = null, bool force = false)
    {
        var paths = new AroPaths(temp.File("models"), temp.File("no-data"), temp.File("cache"));
        var request = new EvalRequest("in-memory", subsets, Demo, temp.File("out"), new EvaluationSettings(BatchSize: 8, Limit: limit, PreprocessThreads: 2),
            RuntimeOptions.Default, Seeds: seeds, NoCache: true, Paths: paths, Force: force);
        return EvalJob.RunAsync(request, SubsetSelection.Parse(subsets), _ => model, new NullEvalObserver());
    }
}
