using System.Globalization;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Benchmarks.Retrieval;

/// <summary>
/// The retrieval subsets on the demo Karpathy files against the PyTorch reference of scripts/make_benchmark_demos.py,
/// which follows main_retrieval.py (pre_caption, cosine matrix, recall over every image and caption) and BLIP's
/// evaluation (the top k ITC candidates of each query re-scored with ITM + ITC, -100 elsewhere), ranking by a stable
/// sort on descending score, and re-derives shuffle_all_words and the image shuffles itself: every row of every
/// retrieval.csv — each perturbation, seed, and the mean and std over seeds — equal to the reference's.
/// </summary>
public sealed class RetrievalParityTests(ITestOutputHelper output)
{
    private static IReadOnlyList<ImagePerturbation> AllImagePerturbations => ImagePerturbations.All;

    [Fact]
    public async Task Demo_clip_recalls_equal_the_reference_for_every_perturbation_and_seed()
    {
        using var temp = new TempDirectory();
        await Run("models/demo", "retrieval", temp.Path, [1, 2], new RetrievalOptions(CaptionPerturbations.All, AllImagePerturbations));

        Compare(temp.File(ResultFiles.Retrieval("coco-retrieval")), Expected("demo", "coco-retrieval.retrieval.csv"));
        Compare(temp.File(ResultFiles.Retrieval("flickr-retrieval")), Expected("demo", "flickr-retrieval.retrieval.csv"));
    }

    [Theory]
    [InlineData(128, "coco-retrieval.retrieval.csv")]
    [InlineData(3, "coco-retrieval.k3.retrieval.csv")]
    public async Task Tiny_blip_reranks_its_candidates_with_itm_plus_itc_as_blip_does(int candidates, string expected)
    {
        using var temp = new TempDirectory();
        await Run("tests/fixtures/tiny-blip", "coco-retrieval", temp.Path, [1],
            new RetrievalOptions(CaptionPerturbations.All, [ImagePerturbation.ShuffleCols4], candidates));

        Compare(temp.File(ResultFiles.Retrieval("coco-retrieval")), Expected("tiny-blip", expected));
    }

    [Fact]
    public async Task A_blip_package_reads_its_itc_image_embeddings_from_the_cache_on_a_second_run()
    {
        using var temp = new TempDirectory();
        var paths = new AroPaths(temp.File("models"), temp.File("data"), temp.File("cache"));
        var options = new RetrievalOptions([CaptionPerturbation.None, CaptionPerturbation.ShuffleAllWords], []);
        EvalRequest Request(string outDir) => new(RepoPaths.InRepo("tests", "fixtures", "tiny-blip"), "coco-retrieval", RepoPaths.InRepo("data", "demo"), outDir,
            new EvaluationSettings(BatchSize: 4), RuntimeOptions.Default, Paths: paths, Retrieval: options);

        var first = await EvalJob.RunAsync(Request(temp.File("first")), new NullEvalObserver());
        var second = await EvalJob.RunAsync(Request(temp.File("second")), new NullEvalObserver());

        // Each of the two ITC passes finds all 6 images in the cache; the ITM re-ranking encodes them again for their
        // token features, as the first run's second pass did not need to.
        Assert.Equal(0, first.Manifest.EncoderCalls.ImagesFromCache);
        Assert.Equal(2 * 6, second.Manifest.EncoderCalls.ImagesFromCache);
        Assert.Equal(first.Manifest.EncoderCalls.ImagesEncoded - 6, second.Manifest.EncoderCalls.ImagesEncoded);
        Assert.Equal(File.ReadAllBytes(temp.File("first", ResultFiles.Retrieval("coco-retrieval"))), File.ReadAllBytes(temp.File("second", ResultFiles.Retrieval("coco-retrieval"))));
    }

    private static string Expected(string package, string file) => RepoPaths.InRepo("tests", "fixtures", "reference", package, "expected", file);

    private static Task<EvalOutcome> Run(string model, string subset, string outDir, IReadOnlyList<int> seeds, RetrievalOptions retrieval) =>
        EvalJob.RunAsync(
            new EvalRequest(RepoPaths.InRepo(model.Split('/')), subset, RepoPaths.InRepo("data", "demo"), outDir,
                new EvaluationSettings(BatchSize: 4), RuntimeOptions.Default, Seeds: seeds, NoCache: true, Retrieval: retrieval),
            new NullEvalObserver());

    private void Compare(string actualPath, string expectedPath)
    {
        var actual = CsvTable.Read(actualPath);
        var expected = CsvTable.Read(expectedPath);
        Assert.Equal(expected.Header, actual.Header);
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (var r = 0; r < expected.Rows.Count; r++)
        {
            var (want, got) = (expected.Rows[r], actual.Rows[r]);
            foreach (var column in new[] { "perturbation", "seed", "images", "captions" })
            {
                Assert.Equal(want[column], got[column]);
            }

            foreach (var column in expected.Header.Skip(4))
            {
                var difference = Math.Abs(CsvTable.Number(want[column]) - CsvTable.Number(got[column]));
                Assert.True(difference < 1e-7, string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(actualPath)} row {r + 1} ({want["perturbation"]}, seed '{want["seed"]}') {column}: {got[column]}, reference {want[column]}"));
            }
        }

        output.WriteLine($"{Path.GetFileName(actualPath)}: {actual.Rows.Count} rows equal to {Path.GetFileName(expectedPath)}");
    }
}
