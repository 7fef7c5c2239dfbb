using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.Aro;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Pipeline;

/// <summary>
/// The evaluation pipeline through its model seam, with <see cref="InMemoryModel"/> instead of ONNX: what is
/// encoded (each distinct image and caption once, across subsets and seeds), that batching, resuming and the cache
/// change no result, that a bad case is skipped without touching the others, and that each benchmark's tie rule
/// decides exact ties. Every run gets its own folders through <see cref="AroPaths"/>, so these tests run in parallel.
/// </summary>
public sealed class InMemoryPipelineTests
{
    private static readonly string Demo = RepoPaths.InRepo("data", "demo");

    [Fact]
    public async Task Each_distinct_image_and_caption_is_encoded_once_across_subsets_and_seeds()
    {
        using var temp = new TempDirectory();
        var model = new InMemoryModel();

        var outcome = await Run(temp, model, "coco-order,flickr-order,relation", seeds: [1, 2]);

        var images = new HashSet<(string, Aro.Core.Cases.CropBox?)>();
        var captions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (subset, seed) in new (NativeSubset, int)[] { (OrderSubset.Coco, 1), (OrderSubset.Coco, 2), (OrderSubset.Flickr, 1), (OrderSubset.Flickr, 2), (VgRelationSubset.Instance, 1) })
        {
            await foreach (var aroCase in subset.OpenReader(DataLocator.Resolve(subset, Demo, Demo), seed).ReadAsync())
            {
                images.Add((aroCase.ImagePath, aroCase.Crop));
                captions.UnionWith(aroCase.Captions);
            }
        }

        // Two crops of one file can be the same encoder input, so images can be fewer than (path, box) pairs.
        Assert.InRange(model.ImageCalls.Sum(), 1, images.Count);
        Assert.Equal(captions.Count, model.TextCalls.Sum());
        Assert.Equal(model.ImageCalls.Sum(), outcome.Manifest.EncoderCalls.ImagesEncoded);
        Assert.Equal(captions.Count, outcome.Manifest.EncoderCalls.CaptionsEncoded);
        Assert.Equal(5, outcome.Manifest.Subsets.Count);
        Assert.True(model.Disposed);
    }

    [Fact]
    public async Task Batch_size_changes_how_cases_are_grouped_and_nothing_written()
    {
        using var temp = new TempDirectory();
        var files = new List<Dictionary<string, byte[]>>();
        foreach (var batch in new[] { 1, 4, 64 })
        {
            var model = new InMemoryModel();
            var folder = temp.File($"b{batch}");
            await Run(temp, model, "relation,sugarcrepe-swap-att", batch: batch, outDir: folder);
            Assert.All(model.ImageCalls, n => Assert.InRange(n, 1, batch));
            files.Add(Csvs(folder));
        }

        Assert.Equal(files[0].Keys.Order(), files[1].Keys.Order());
        foreach (var (name, bytes) in files[0])
        {
            Assert.Equal(bytes, files[1][name]);
            Assert.Equal(bytes, files[2][name]);
        }
    }

    [Fact]
    public async Task An_interrupted_run_resumes_to_the_files_of_an_uninterrupted_one()
    {
        using var temp = new TempDirectory();
        await Run(temp, new InMemoryModel(), "relation,attribution", batch: 3, outDir: temp.File("whole"));

        using var cancel = new CancellationTokenSource();
        var interrupted = Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Run(temp, new InMemoryModel(), "relation,attribution", batch: 3, outDir: temp.File("resumed"), observer: new CancellingObserver(cancel, "attribution", 7), token: cancel.Token));
        await interrupted;
        var resumedModel = new InMemoryModel();
        await Run(temp, resumedModel, "relation,attribution", batch: 3, outDir: temp.File("resumed"), resume: true);

        Assert.Equal(Csvs(temp.File("whole")), Csvs(temp.File("resumed")));
        Assert.False(Directory.Exists(temp.File("resumed", ".aro-partial")));
    }

    [Fact]
    public async Task A_second_run_takes_every_embedding_from_the_cache_and_writes_the_same_files()
    {
        using var temp = new TempDirectory();
        var first = new InMemoryModel();
        await Run(temp, first, "relation,coco-order", outDir: temp.File("first"), cache: true);
        var second = new InMemoryModel();
        var outcome = await Run(temp, second, "relation,coco-order", outDir: temp.File("second"), cache: true);

        Assert.NotEmpty(first.ImageCalls);
        Assert.Empty(second.ImageCalls);
        Assert.Empty(second.TextCalls);
        Assert.Equal(0, outcome.Manifest.EncoderCalls.ImagesEncoded);
        Assert.Equal(outcome.Manifest.EncoderCalls.ImagesRequested, outcome.Manifest.EncoderCalls.ImagesFromCache);
        Assert.Equal(outcome.Manifest.EncoderCalls.CaptionsRequested, outcome.Manifest.EncoderCalls.CaptionsFromCache);
        Assert.Equal(Csvs(temp.File("first")), Csvs(temp.File("second")));
    }

    [Fact]
    public async Task A_broken_image_is_skipped_with_its_reason_and_every_other_row_is_unchanged()
    {
        using var temp = new TempDirectory();
        var data = temp.File("data");
        CopyFolder(Demo, data);
        var broken = Path.Combine(data, "images", "img_05.jpg");
        File.WriteAllBytes(broken, [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 1, 2]);

        await Run(temp, new InMemoryModel(), "relation", outDir: temp.File("clean"));
        await Run(temp, new InMemoryModel(), "relation", outDir: temp.File("skip"), data: data, onError: ErrorPolicy.Skip);

        var skipped = CsvTable.Read(temp.File("skip", ResultFiles.Skipped)).Rows;
        Assert.NotEmpty(skipped);
        Assert.All(skipped, r => Assert.Contains("img_05.jpg", r["reason"], StringComparison.Ordinal));
        var kept = CsvTable.Read(temp.File("skip", ResultFiles.Predictions("relation"))).Rows.Select(r => r.Values.ToList()).ToList();
        var clean = CsvTable.Read(temp.File("clean", ResultFiles.Predictions("relation"))).Rows
            .Where(r => !skipped.Any(s => s["id"] == r["id"])).Select(r => r.Values.ToList()).ToList();
        Assert.Equal(clean, kept);
    }

    [Fact]
    public async Task An_exact_tie_is_wrong_on_vg_and_sugarcrepe_and_right_on_order_as_their_official_code_counts_it()
    {
        using var temp = new TempDirectory();
        var model = new InMemoryModel { TextOverride = _ => [1, 2, 3, 4] };

        var outcome = await Run(temp, model, "relation,coco-order,sugarcrepe-swap-att");

        var accuracy = outcome.Summaries.ToDictionary(s => s.Subset.Name, s => s.MicroAccuracy);
        Assert.Equal(0, accuracy["relation"]);
        Assert.Equal(1, accuracy["coco-order"]);
        Assert.Equal(0, accuracy["sugarcrepe-swap-att"]);
        Assert.All(CsvTable.Read(temp.File("out", ResultFiles.Predictions("sugarcrepe-swap-att"))).Rows, r => Assert.Equal("1", r["prediction"]));
    }

    private static Task<EvalOutcome> Run(TempDirectory temp, InMemoryModel model, string subsets, IReadOnlyList<int>? seeds = null,
        int batch = 8, string? outDir = null, bool resume = false, bool cache = false, string? data = null, ErrorPolicy onError = ErrorPolicy.Fail,
        IEvalObserver? observer = null, CancellationToken token = default)
    {
        var paths = new AroPaths(temp.File("models"), temp.File("no-data"), temp.File("cache"));
        var request = new EvalRequest("in-memory", subsets, data ?? Demo, outDir ?? temp.File("out"),
            new EvaluationSettings(BatchSize: batch, PreprocessThreads: 2, OnError: onError), RuntimeOptions.Default,
            Seeds: seeds, NoCache: !cache, AllowSkips: true, Resume: resume, Paths: paths);
        return EvalJob.RunAsync(request, SubsetSelection.Parse(subsets), _ => model, observer ?? new NullEvalObserver(), token);
    }

    private static Dictionary<string, byte[]> Csvs(string folder) =>
        Directory.GetFiles(folder, "*.csv").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
