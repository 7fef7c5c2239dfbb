using System.Diagnostics;
using System.Globalization;
using Aro.Core.Caching;
using Aro.Core.Data;
using Aro.Core.Models;
using Aro.Core.Reports;

namespace Aro.Core.Eval;

/// <summary>
/// <c>aro eval</c> end to end: resolve the model and the subsets, load the model once, run each subset through the
/// pipeline, and write the results folder. Every file is written under a temporary name and renamed, so an
/// interrupted run leaves the previous files or complete new ones.
/// </summary>
public static class EvalJob
{
    public static async Task<EvalOutcome> RunAsync(EvalRequest request, IEvalObserver observer, CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var package = ModelPackageLoader.Load(ModelLocator.Resolve(request.Model));
        var readers = CaseReaders.Resolve(request.Subset, request.Data);
        var outDir = Path.GetFullPath(request.Out ?? Path.Combine("results", package.Name));

        using var model = LoadedModel.Load(package, request.Runtime, request.Scoring);
        observer.ModelLoaded(model);
        var fingerprint = ModelFingerprint.Compute(package);
        using var store = EmbeddingStores.Open(fingerprint, request.Cache, request.NoCache, observer.Warn);
        var pipeline = new EvaluationPipeline(model, request.Settings, store, fingerprint);
        var summaries = new List<SubsetSummary>();
        var subsets = new List<RunSubset>();
        var skipped = new List<(string, SkippedCase)>();
        foreach (var createReader in readers)
        {
            var reader = createReader();
            var progress = observer.SubsetStarted(reader.Subset);
            var total = await CountAsync(reader, request.Settings.Limit, cancellationToken).ConfigureAwait(false);
            SubsetSummary summary;
            using (var predictions = new PredictionsCsvWriter(Path.Combine(outDir, ResultFiles.Predictions(reader.Subset.Name))))
            {
                var sink = new SubsetSink(predictions);
                var cases = Limited(reader.ReadAsync(cancellationToken), request.Settings.Limit);
                summary = await pipeline.RunAsync(reader.Subset, cases, total, sink, progress, cancellationToken).ConfigureAwait(false);
                summary = summary with { Skipped = sink.Skipped.Count };
                skipped.AddRange(sink.Skipped.Select(s => (reader.Subset.Name, s)));
                predictions.Commit();
            }

            GroupsCsvWriter.Write(Path.Combine(outDir, ResultFiles.Groups(reader.Subset.Name)), summary);
            summaries.Add(summary);
            subsets.Add(new RunSubset(reader.Subset.Name, summary.Samples, summary.Skipped, summary.MetricOfRecord,
                [.. reader.SourceFiles.Select(HashedFile.Of)]));
            observer.SubsetFinished(summary);
        }

        SummaryCsvWriter.Write(Path.Combine(outDir, ResultFiles.Summary), summaries);
        var skippedPath = Path.Combine(outDir, ResultFiles.Skipped);
        if (skipped.Count > 0)
        {
            SkippedCsvWriter.Write(skippedPath, skipped);
        }
        else if (File.Exists(skippedPath))
        {
            File.Delete(skippedPath);
        }

        var manifest = new RunManifest(
            AroVersion.Current,
            new RunModel(package.Name, package.Directory, package.Layout, package.Family.ToString().ToLowerInvariant(),
                ScoringModes.Name(model.Scoring), [.. package.Files.Select(HashedFile.Of)]),
            subsets,
            request.Seed,
            request.Settings.Limit,
            request.Settings.BatchSize,
            OnnxSessionFactory.RuntimeVersion,
            request.Runtime.Device == ExecutionDevice.Cuda ? "CUDAExecutionProvider" : "CPUExecutionProvider",
            request.Runtime.IntraOpThreads,
            request.Settings.EffectivePreprocessThreads,
            request.Settings.OnError.ToString().ToLowerInvariant(),
            EmbeddingStores.Describe(store, request.NoCache),
            pipeline.Calls,
            started.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Math.Round(clock.Elapsed.TotalSeconds, 3));
        RunManifestWriter.Write(Path.Combine(outDir, ResultFiles.Run), manifest);
        return new EvalOutcome(summaries, outDir, manifest);
    }

    private static async IAsyncEnumerable<AroCase> Limited(IAsyncEnumerable<AroCase> cases, int? limit)
    {
        await foreach (var aroCase in cases.ConfigureAwait(false))
        {
            if (limit is { } max && aroCase.Index >= max)
            {
                yield break;
            }

            yield return aroCase;
        }
    }

    private static async Task<int?> CountAsync(ICaseReader reader, int? limit, CancellationToken cancellationToken)
    {
        var count = await reader.CountAsync(cancellationToken).ConfigureAwait(false);
        return limit is { } max ? Math.Min(count, max) : count;
    }
}
