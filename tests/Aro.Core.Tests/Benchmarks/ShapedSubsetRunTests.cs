using Aro.Core.Benchmarks;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Benchmarks;

/// <summary>
/// How retrieval and pair-matching subsets run inside <c>aro eval</c>, through the model seam with
/// <see cref="InMemoryModel"/>: each distinct image and caption encoded once over every perturbation pass and shared
/// with the Order subsets, <c>--limit</c> taking images or instances, <c>--shard</c> refused before any model is
/// loaded, a bad Winoground image leaving out its instance under <c>--on-error skip</c> while a bad retrieval image
/// always stops the run, and the files a run writes.
/// </summary>
public sealed class ShapedSubsetRunTests
{
    private static readonly string Demo = RepoPaths.InRepo("data", "demo");

    [Fact]
    public async Task Retrieval_encodes_each_image_once_over_every_pass_and_shares_them_with_coco_order()
    {
        using var temp = new TempDirectory();
        var model = new InMemoryModel();

        var outcome = await Run(temp, model, "coco-order,coco-retrieval");

        var texts = CsvTable.Read(temp.File("out", ResultFiles.Captions("coco-retrieval"))).Rows.Select(r => r["text"]).ToHashSet(StringComparer.Ordinal);
        var orderOptions = CsvTable.Read(temp.File("out", ResultFiles.Predictions("coco-order"))).Rows.Count;
        Assert.Equal(6, model.ImageCalls.Sum());
        Assert.Equal(6, outcome.Manifest.EncoderCalls.ImagesEncoded);
        Assert.Equal(30, orderOptions);
        Assert.InRange(model.TextCalls.Sum(), texts.Count, texts.Count + (30 * 5));
        Assert.Equal(["coco-order", "coco-retrieval"], outcome.Summaries.Select(s => s.Subset.Name));
        Assert.Equal(6, CsvTable.Read(temp.File("out", ResultFiles.Retrieval("coco-retrieval"))).Rows.Count);
        Assert.Equal(30 * 6, CsvTable.Read(temp.File("out", ResultFiles.Captions("coco-retrieval"))).Rows.Count);
    }

    [Fact]
    public async Task The_summary_row_is_text_to_image_recall_at_1_of_the_original_captions()
    {
        using var temp = new TempDirectory();

        await Run(temp, new InMemoryModel(), "flickr-retrieval", seeds: [1, 2]);

        var none = CsvTable.Read(temp.File("out", ResultFiles.Retrieval("flickr-retrieval"))).Rows[0];
        var summary = CsvTable.Read(temp.File("out", ResultFiles.Summary)).Rows.Single();
        Assert.Equal(("none", ""), (none["perturbation"], none["seed"]));
        Assert.Equal(("flickr-retrieval", "20", "1", none["t2i_r1"], none["t2i_r1"]),
            (summary["subset"], summary["samples"], summary["groups"], summary["micro_accuracy"], summary["macro_accuracy"]));
        var seeds = CsvTable.Read(temp.File("out", ResultFiles.Retrieval("flickr-retrieval"))).Rows.Where(r => r["perturbation"] == "shuffle_all_words").Select(r => r["seed"]);
        Assert.Equal(["1", "2", "mean", "std"], seeds);
        Assert.False(File.Exists(temp.File("out", ResultFiles.Seeds)));
    }

    [Fact]
    public async Task Limit_takes_the_first_images_and_their_captions_or_the_first_instances()
    {
        using var temp = new TempDirectory();

        await Run(temp, new InMemoryModel(), "coco-retrieval,winoground", limit: 2, perturbations: [Aro.Core.Perturbations.CaptionPerturbation.None]);

        var row = CsvTable.Read(temp.File("out", ResultFiles.Retrieval("coco-retrieval"))).Rows.Single();
        Assert.Equal(("2", "10"), (row["images"], row["captions"]));
        Assert.Equal(2, CsvTable.Read(temp.File("out", ResultFiles.Predictions("winoground"))).Rows.Count);
    }

    [Theory]
    [InlineData("coco-retrieval")]
    [InlineData("relation,winoground")]
    public async Task A_shard_of_a_retrieval_or_winoground_subset_is_refused_before_the_model_loads(string subsets)
    {
        using var temp = new TempDirectory();
        var loaded = false;
        var request = Request(temp, subsets) with { Shard = Aro.Core.Cases.Shard.Parse("0/2") };

        var error = await Assert.ThrowsAsync<AroInputException>(() =>
            EvalJob.RunAsync(request, SubsetSelection.Parse(subsets), _ => { loaded = true; return new InMemoryModel(); }, new NullEvalObserver()));

        Assert.False(loaded);
        Assert.Contains("--shard 0/2", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be split into shards", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_winoground_image_leaves_out_its_instance_under_skip()
    {
        using var temp = new TempDirectory();
        var data = temp.File("data");
        Copy(Path.Combine(Demo, "winoground"), Path.Combine(data, "winoground"));
        File.Delete(Path.Combine(data, "winoground", "images", "ex_2_img_1.png"));

        var outcome = await Run(temp, new InMemoryModel(), "winoground", data: data, onError: ErrorPolicy.Skip);

        var predictions = CsvTable.Read(temp.File("out", ResultFiles.Predictions("winoground"))).Rows;
        var skipped = CsvTable.Read(temp.File("out", ResultFiles.Skipped)).Rows.Single();
        Assert.Equal(7, predictions.Count);
        Assert.DoesNotContain(predictions, r => r["id"] == "2");
        Assert.Equal(("winoground", "2", "2"), (skipped["subset"], skipped["index"], skipped["id"]));
        Assert.Contains("ex_2_img_1.png", skipped["reason"], StringComparison.Ordinal);
        Assert.Equal((7, 1), (outcome.Summaries.Single().Samples, outcome.Summaries.Single().Skipped));
    }

    [Fact]
    public async Task A_missing_retrieval_image_stops_the_run_even_under_skip()
    {
        using var temp = new TempDirectory();
        var data = temp.File("data");
        Copy(Path.Combine(Demo, "images"), Path.Combine(data, "images"));
        File.Copy(Path.Combine(Demo, "coco_karpathy_test.json"), Path.Combine(data, "coco_karpathy_test.json"));
        File.Delete(Path.Combine(data, "images", "img_03_gray.jpg"));

        var error = await Assert.ThrowsAsync<AroInputException>(() => Run(temp, new InMemoryModel(), "coco-retrieval", data: data, onError: ErrorPolicy.Skip));

        Assert.Contains("img_03_gray.jpg", error.Message, StringComparison.Ordinal);
        Assert.Contains("no image can be left out", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("out", ResultFiles.Captions("coco-retrieval"))));
    }

    [Fact]
    public async Task A_resumed_run_evaluates_them_again_and_says_so()
    {
        using var temp = new TempDirectory();
        var observer = new NullEvalObserver();

        await Run(temp, new InMemoryModel(), "winoground,coco-retrieval", resume: true, observer: observer, perturbations: [Aro.Core.Perturbations.CaptionPerturbation.None]);

        Assert.Contains(observer.Warnings, w => w.Contains("winoground keeps no checkpoint", StringComparison.Ordinal));
        Assert.Contains(observer.Warnings, w => w.Contains("coco-retrieval keeps no checkpoint", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compare_gates_them_on_their_metric_of_record_and_notes_they_have_no_group_table()
    {
        using var temp = new TempDirectory();
        var none = new[] { Aro.Core.Perturbations.CaptionPerturbation.None };
        await EvalJob.RunAsync(Request(temp, "winoground,coco-retrieval", perturbations: none) with { Out = temp.File("a") },
            SubsetSelection.Parse("winoground,coco-retrieval"), _ => new InMemoryModel(), new NullEvalObserver());
        await EvalJob.RunAsync(Request(temp, "winoground,coco-retrieval", perturbations: none) with { Out = temp.File("b") },
            SubsetSelection.Parse("winoground,coco-retrieval"), _ => new InMemoryModel(), new NullEvalObserver());

        var result = Aro.Core.Reports.Comparison.ResultsComparer.Compare(temp.File("a"), temp.File("b"), new(0.01, 0.05));

        Assert.Equal(["winoground", "coco-retrieval"], result.Subsets.Select(s => s.Subset));
        Assert.Equal(["group", "t2i@1"], result.Subsets.Select(s => s.Metric));
        Assert.All(result.Subsets, s => Assert.Equal(0.0, s.Delta));
        Assert.Empty(result.Groups);
        Assert.Contains("winoground: has no group table; compared on its metric of record only", result.Notes);
    }

    [Fact]
    public void A_retrieval_subset_has_no_cases_to_freeze()
    {
        var subset = BenchmarkRegistry.FindSubset("coco-retrieval")!;

        var error = Assert.Throws<AroInputException>(() => subset.OpenReader(Demo, 1));

        Assert.Contains("retrieval subset", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<RetrievalSubset>(subset);
        Assert.Equal(["coco-retrieval", "flickr-retrieval"], BenchmarkRegistry.FindBenchmark("retrieval")!.Subsets.Select(s => s.Name));
        Assert.Equal("coco-order", Path.GetFileName(DataLocator.PullFolder(subset, null, "/data")));
    }

    private static EvalRequest Request(TempDirectory temp, string subsets, IReadOnlyList<int>? seeds = null, int? limit = null, string? data = null,
        ErrorPolicy onError = ErrorPolicy.Fail, bool resume = false, IReadOnlyList<Aro.Core.Perturbations.CaptionPerturbation>? perturbations = null) =>
        new("in-memory", subsets, data ?? Demo, temp.File("out"),
            new EvaluationSettings(BatchSize: 4, Limit: limit, PreprocessThreads: 2, OnError: onError), RuntimeOptions.Default,
            Seeds: seeds, NoCache: true, AllowSkips: true, Resume: resume, Paths: new AroPaths(temp.File("models"), temp.File("no-data"), temp.File("cache")),
            Retrieval: perturbations is null ? null : new RetrievalOptions(perturbations, []));

    private static Task<EvalOutcome> Run(TempDirectory temp, InMemoryModel model, string subsets, IReadOnlyList<int>? seeds = null, int? limit = null,
        string? data = null, ErrorPolicy onError = ErrorPolicy.Fail, bool resume = false, IEvalObserver? observer = null,
        IReadOnlyList<Aro.Core.Perturbations.CaptionPerturbation>? perturbations = null) =>
        EvalJob.RunAsync(Request(temp, subsets, seeds, limit, data, onError, resume, perturbations), SubsetSelection.Parse(subsets), _ => model, observer ?? new NullEvalObserver());

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
