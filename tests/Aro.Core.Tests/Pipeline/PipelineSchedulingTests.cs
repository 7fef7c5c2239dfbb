using System.Text.Json;
using Aro.Core.Benchmarks;
using Aro.Core.Evaluation;
using Aro.Core.Imaging;
using Aro.Core.Models;
using Aro.Core.Models.Scoring;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.Core.Text;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Pipeline;

/// <summary>
/// The pipeline's scheduling changes no result: whatever the batch size, the number of preparation threads, the batches
/// in flight, whether preparation overlaps the encoders or takes turns with them, whether the text graph runs beside
/// the vision graph, and however small the memory bounds, every output file is byte-identical to the one of a plain
/// sequential run, each distinct input is encoded exactly once, and a broken image shared by batches in flight fails
/// every case that uses it with the same reason. A slow encoder makes later batches get planned while earlier ones are
/// still being encoded, which is when claims are handed between batches.
/// </summary>
public sealed class PipelineSchedulingTests
{
    private static readonly string Demo = RepoPaths.InRepo("data", "demo");

    private static readonly EvaluationSettings Sequential = new(BatchSize: 8, PreprocessThreads: 1, PrefetchBatches: 1, Overlap: false, OverlapEncoders: false);

    public static TheoryData<string, EvaluationSettings, int> Schedules => new()
    {
        { "batch 1, overlapped, 3 threads, 4 in flight", new EvaluationSettings(BatchSize: 1, PreprocessThreads: 3, PrefetchBatches: 4, Overlap: true), 0 },
        { "batch 5, turns, 2 threads", new EvaluationSettings(BatchSize: 5, PreprocessThreads: 2, Overlap: false), 0 },
        { "batch 3, overlapped, encoders beside each other, slow encoder", new EvaluationSettings(BatchSize: 3, PreprocessThreads: 4, PrefetchBatches: 6, Overlap: true, OverlapEncoders: true), 15 },
        { "batch 64, overlapped, 1 thread", new EvaluationSettings(BatchSize: 64, PreprocessThreads: 1, Overlap: true), 0 },
        {
            "batch 7, tiny memory bounds (3-case tensors, 1-byte decode budget, no kept files)",
            new EvaluationSettings(BatchSize: 7, PreprocessThreads: 3, PrefetchBatches: 3, Overlap: true, Memory: new PipelineMemory(DecodeBytes: 1, TensorBytesPerBatch: 72, KeptFileBytesPerBatch: 0)),
            5
        },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public async Task Every_schedule_writes_the_files_of_a_sequential_run(string schedule, EvaluationSettings settings, int encoderMilliseconds)
    {
        using var temp = new TempDirectory();
        const string Subsets = "relation,attribution,coco-order,sugarcrepe-swap-att";
        var sequential = new InMemoryModel();
        var expected = await Run(temp, sequential, Subsets, Sequential, "sequential");
        var model = new InMemoryModel();

        var outcome = await Run(temp, new SlowModel(model, encoderMilliseconds), Subsets, settings, "scheduled");

        var want = Csvs(temp.File("sequential"));
        var got = Csvs(temp.File("scheduled"));
        Assert.Equal(want.Keys.Order(), got.Keys.Order());
        var differing = want.Keys.Where(name => want[name] != got[name]).ToList();
        Assert.True(differing.Count == 0, $"{schedule}: {string.Join(", ", differing)} differ from the sequential run's");
        Assert.Equal(expected.Manifest.EncoderCalls, outcome.Manifest.EncoderCalls);
        Assert.Equal(sequential.ImageCalls.Sum(), model.ImageCalls.Sum());
        Assert.Equal(sequential.TextCalls.Sum(), model.TextCalls.Sum());
        if (settings.Memory is { } memory)
        {
            Assert.All(model.ImageCalls, n => Assert.InRange(n, 1, memory.CasesPerBatch(settings.BatchSize, 6)));
        }
    }

    [Fact]
    public async Task Images_repeated_across_batches_in_flight_are_encoded_once_and_score_as_in_a_sequential_run()
    {
        using var temp = new TempDirectory();
        var cases = RepeatedImages(temp);
        var sequential = new InMemoryModel();
        await Run(temp, sequential, cases, Sequential, "sequential");
        var model = new InMemoryModel();

        await Run(temp, new SlowModel(model, 20), cases, new EvaluationSettings(BatchSize: 2, PreprocessThreads: 4, PrefetchBatches: 8, Overlap: true), "scheduled");

        Assert.Equal(Csvs(temp.File("sequential")), Csvs(temp.File("scheduled")));

        // Two crops, each of one content under two names: 2 images, however the 24 cases fall into batches.
        Assert.Equal(2, sequential.ImageCalls.Sum());
        Assert.Equal(2, model.ImageCalls.Sum());
        Assert.Equal(sequential.TextCalls.Sum(), model.TextCalls.Sum());
    }

    [Fact]
    public async Task A_broken_image_used_by_batches_in_flight_fails_each_of_its_cases_with_the_same_reason()
    {
        using var temp = new TempDirectory();
        var cases = RepeatedImages(temp, broken: true);
        await Run(temp, new InMemoryModel(), cases, Sequential with { OnError = ErrorPolicy.Skip }, "sequential");

        await Run(temp, new SlowModel(new InMemoryModel(), 20), cases,
            new EvaluationSettings(BatchSize: 2, PreprocessThreads: 4, PrefetchBatches: 8, Overlap: true, OnError: ErrorPolicy.Skip), "scheduled");

        var skipped = CsvTable.Read(temp.File("scheduled", ResultFiles.Skipped)).Rows;
        Assert.Equal(12, skipped.Count);
        Assert.All(skipped, r => Assert.Contains("broken.jpg", r["reason"], StringComparison.Ordinal));
        Assert.Equal(Csvs(temp.File("sequential")), Csvs(temp.File("scheduled")));
    }

    [Fact]
    public async Task A_broken_image_stops_a_failing_run_at_its_first_case_after_writing_every_batch_before_it()
    {
        using var temp = new TempDirectory();
        var cases = RepeatedImages(temp, broken: true);

        var error = await Assert.ThrowsAsync<AroException>(() =>
            Run(temp, new SlowModel(new InMemoryModel(), 10), cases, new EvaluationSettings(BatchSize: 2, PreprocessThreads: 4, PrefetchBatches: 8, Overlap: true), "scheduled"));

        // Case 1 is the first that uses the broken file; the message is the one a sequential run gives.
        var sequential = await Assert.ThrowsAsync<AroException>(() => Run(temp, new InMemoryModel(), cases, Sequential, "sequential"));
        Assert.Equal(sequential.Message, error.Message);
        Assert.Contains("case repeat-001", error.Message, StringComparison.Ordinal);
        Assert.Contains("--on-error skip", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// 24 cases over two file names with identical content (and, if <paramref name="broken"/>, a third that does not
    /// decode), alternating two crop boxes, with captions that repeat from case to case.
    /// </summary>
    private static string RepeatedImages(TempDirectory temp, bool broken = false)
    {
        var folder = temp.File("repeated");
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        File.Copy(Path.Combine(Demo, "images", "img_00.jpg"), Path.Combine(folder, "images", "a.jpg"));
        File.Copy(Path.Combine(Demo, "images", "img_00.jpg"), Path.Combine(folder, "images", "b.jpg"));
        File.WriteAllBytes(Path.Combine(folder, "images", "broken.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 1, 2]);
        var lines = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            var image = broken && i % 2 == 1 ? "broken.jpg" : i % 4 < 2 ? "a.jpg" : "b.jpg";
            var box = i % 3 == 0 ? "[10, 20, 100, 80]" : "[0, 0, 64, 64]";
            lines.Add($"{{\"id\": \"repeat-{i:D3}\", \"image\": \"images/{image}\", \"bbox\": {box}, " +
                $"\"captions\": [\"a shape number {i % 5}\", \"a thing number {i % 3}\"], \"label\": {i % 2}}}");
        }

        var path = Path.Combine(folder, "cases.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static Task<EvalOutcome> Run(TempDirectory temp, IEvaluationModel model, string subsets, EvaluationSettings settings, string outName)
    {
        var paths = new AroPaths(temp.File("models"), temp.File("no-data"), temp.File("cache"));
        var request = new EvalRequest("in-memory", subsets, Demo, temp.File(outName), settings, RuntimeOptions.Default,
            NoCache: true, AllowSkips: true, Paths: paths);
        return EvalJob.RunAsync(request, SubsetSelection.Parse(subsets), _ => model, new NullEvalObserver());
    }

    /// <summary>Every CSV, and run.json without what describes the settings or the clock.</summary>
    private static Dictionary<string, string> Csvs(string folder)
    {
        var files = Directory.GetFiles(folder, "*.csv").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ResultFiles.Run)));
        files["run.json subsets"] = run.RootElement.GetProperty("subsets").GetRawText();
        return files;
    }

    /// <summary>An in-memory model whose image encoder takes a fixed time per call, as a real one would.</summary>
    private sealed class SlowModel(InMemoryModel inner, int milliseconds) : IEvaluationModel
    {
        private readonly SlowImageEncoder _images = new(inner.ImageEncoder, milliseconds);

        public ModelDescription Description => inner.Description;

        public ScoringMode Scoring => inner.Scoring;

        public byte[] Fingerprint => inner.Fingerprint;

        public ICaptionTokenizer Tokenizer => inner.Tokenizer;

        public IImageTransform Transform => inner.Transform;

        public IImageEncoder ImageEncoder => _images;

        public ITextEncoder TextEncoder => inner.TextEncoder;

        public IOptionScorer Scorer => inner.Scorer;

        public void Dispose() => inner.Dispose();

        private sealed class SlowImageEncoder(IImageEncoder inner, int milliseconds) : IImageEncoder
        {
            public GraphSignature Signature => inner.Signature;

            public IReadOnlyList<ImageEncoding> Encode(float[] pixels, int count, CancellationToken cancellationToken = default)
            {
                Thread.Sleep(milliseconds);
                return inner.Encode(pixels, count, cancellationToken);
            }

            public void Dispose() => inner.Dispose();
        }
    }
}
