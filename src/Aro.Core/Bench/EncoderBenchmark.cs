using System.Diagnostics;
using Aro.Core.Benchmarks;
using Aro.Core.Caching;
using Aro.Core.Cases;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.Core.Pipeline;
using Aro.Core.Results;

namespace Aro.Core.Bench;

/// <summary>
/// <c>aro bench</c>: first the bare encoders on synthetic inputs made in memory (images/s of the vision graph,
/// captions/s of the text graph, warm-up excluded, median over batches), then the full pipeline — decode, crop,
/// resize, tokenise, encode, score — on a generated dataset, with the same session options; and their ratio.
/// </summary>
public static class EncoderBenchmark
{
    public static async Task<BenchResult> RunAsync(ModelPackage package, BenchSettings settings, Action<string> log, CancellationToken cancellationToken = default)
    {
        // Simulated encoders stand in for a GPU's, so the pipeline gets a GPU's settings (all cores preparing, overlapped).
        var fitFor = settings.Simulated is null ? settings.Runtime : settings.Runtime with { Device = ExecutionDevice.Cuda };
        var (evaluation, fitted) = new EvaluationSettings(settings.BatchSize, PreprocessThreads: settings.DecodeThreads, Overlap: settings.Overlap,
                PageLockTensors: settings.PageLock)
            .Fit(fitFor);
        var runtime = settings.Simulated is null ? fitted : settings.Runtime;
        using var model = settings.Simulated is { } rates
            ? new SimulatedEncoders(package, rates.ImagesPerSecond, rates.CaptionsPerSecond)
            : (IEvaluationModel)LoadedModel.Load(package, runtime);
        double imageRate, textRate;
        if (settings.Simulated is { } simulated)
        {
            (imageRate, textRate) = simulated;
            log($"simulated encoders: {imageRate} images/s, {textRate} captions/s (no graph is run)");
        }
        else
        {
            var rounds = Math.Clamp((int)Math.Ceiling((double)settings.Cases / settings.BatchSize), 3, 10);
            log($"bare vision graph: {rounds} batches of {settings.BatchSize} images");
            var pixels = BarePixels(model, settings.BatchSize, evaluation.EffectivePageLockTensors);
            try
            {
                imageRate = settings.BatchSize / MedianSeconds(rounds, () => model.ImageEncoder.Encode(pixels.Values, settings.BatchSize), cancellationToken);
            }
            finally
            {
                if (pixels.Locked)
                {
                    CudaHostMemory.Unregister(pixels.Values);
                }
            }

            log($"bare text graph: {rounds} batches of {evaluation.TextBatchSize} captions");
            textRate = evaluation.TextBatchSize / MedianSeconds(rounds, TextBatch(model, evaluation.TextBatchSize), cancellationToken);
        }

        log($"generating {settings.Cases} cases (500x375 JPEGs) in {settings.WorkDir}");
        var cases = SyntheticDataset.Write(settings.WorkDir, settings.Cases);
        var fingerprint = settings.Simulated is null ? ModelFingerprint.Compute(package) : model.Fingerprint;
        using var store = EmbeddingStores.Open(fingerprint, null, noCache: true, log);
        var profiler = settings.Profile ? new PipelineProfiler() : null;
        var pipeline = new EvaluationPipeline(model, evaluation, store, fingerprint, profiler);
        var reader = new CasesJsonlReader(cases);
        var subset = CasesFiles.SubsetOf(cases);
        var sink = new CountingSink();
        log($"pipeline: {settings.Cases} cases");
        var clock = Stopwatch.StartNew();
        await pipeline.RunAsync(subset, reader.ReadAsync(cancellationToken), sink, settings.Cases, cancellationToken: cancellationToken).ConfigureAwait(false);
        clock.Stop();
        var profile = profiler?.Snapshot();

        var calls = pipeline.Calls;
        var bare = (calls.ImagesEncoded / imageRate) + (calls.CaptionsEncoded / textRate);
        var seconds = clock.Elapsed.TotalSeconds;
        return new BenchResult(
            package.Name,
            Environment.MachineName,
            Environment.ProcessorCount,
            OnnxSessionFactory.RuntimeVersion,
            runtime.IntraOpThreads,
            runtime.SpinWait,
            evaluation.EffectiveOverlap,
            evaluation.EffectivePreprocessThreads,
            settings.BatchSize,
            evaluation.TextBatchSize,
            Math.Round(imageRate, 3),
            Math.Round(textRate, 3),
            sink.Count,
            calls.ImagesEncoded,
            calls.CaptionsEncoded,
            Math.Round(seconds, 3),
            Math.Round(sink.Count / seconds, 3),
            Math.Round(bare, 3),
            Math.Round(bare / seconds, 4),
            Process.GetCurrentProcess().PeakWorkingSet64,
            settings.Simulated is not null,
            profile is null ? null : Math.Round(EncoderSeconds(profile) / profile.WallSeconds, 4),
            profile,
            pipeline.TensorsPageLocked);
    }

    /// <summary>The time the encoding stage was busy in a profiled run: each batch from the encoders taking it to letting it go.</summary>
    public static double EncoderSeconds(PipelineProfile profile) =>
        profile.Batches.Sum(b => b.EncodeStarted is { } start && b.Encoded is { } end ? end - start : 0);

    /// <summary>
    /// The bare vision graph's input, held as the pipeline holds its tensors (pinned, and page-locked when the
    /// pipeline's are), so that the host-to-device copy costs both sides the same.
    /// </summary>
    private static (float[] Values, bool Locked) BarePixels(IEvaluationModel model, int count, bool pageLock)
    {
        var random = new Random(1);
        var pixels = GC.AllocateArray<float>(count * model.Transform.TensorLength, pinned: true);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)((random.NextDouble() * 4) - 2);
        }

        return (pixels, pageLock && CudaHostMemory.TryRegister(pixels));
    }

    private static Action TextBatch(IEvaluationModel model, int count)
    {
        // VG-length captions, like the pipeline's: "the dog is sitting on the bench 17".
        var ids = Enumerable.Range(0, count)
            .Select(i => model.Tokenizer.Encode(FormattableString.Invariant($"the dog is sitting on the bench {i}")))
            .ToList();
        return () => model.TextEncoder.Encode(ids);
    }

    private static double MedianSeconds(int rounds, Action run, CancellationToken cancellationToken)
    {
        run();
        var times = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            run();
            times.Add(clock.Elapsed.TotalSeconds);
        }

        times.Sort();
        return rounds % 2 == 1 ? times[rounds / 2] : (times[(rounds / 2) - 1] + times[rounds / 2]) / 2;
    }

    private sealed class CountingSink : ICaseSink
    {
        public int Count { get; private set; }

        public void Add(AroCase aroCase, CaseResult result) => Count++;

        public void Skip(SkippedCase skipped) => throw new AroException($"bench case {skipped.Id} failed: {skipped.Reason}");

        public void BatchCompleted()
        {
        }
    }
}
