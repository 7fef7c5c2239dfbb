using System.Diagnostics;
using System.Globalization;
using Aro.Core.Caching;
using Aro.Core.Data;
using Aro.Core.Models;
using Aro.Core.Reports;

namespace Aro.Core.Eval;

/// <summary>
/// <c>aro eval</c> end to end: resolve the model and the subsets, load the model once, run each subset (each Order
/// subset once per seed) through one pipeline — so an image or caption shared by subsets or seeds is encoded once —
/// and write the results folder. Every file is written under a temporary name and renamed, so an interrupted run
/// leaves the previous files or complete new ones.
/// </summary>
public static class EvalJob
{
    public static async Task<EvalOutcome> RunAsync(EvalRequest request, IEvalObserver observer, CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var package = ModelPackageLoader.Load(ModelLocator.Resolve(request.Model));
        var runs = CaseReaders.Plan(request.Subset, request.Data, request.EffectiveSeeds);
        var outDir = Path.GetFullPath(request.Out ?? Path.Combine("results", package.Name));

        using var model = LoadedModel.Load(package, request.Runtime, request.Scoring);
        observer.ModelLoaded(model);
        var fingerprint = ModelFingerprint.Compute(package);
        using var store = EmbeddingStores.Open(fingerprint, request.Cache, request.NoCache, observer.Warn);
        var pipeline = new EvaluationPipeline(model, request.Settings, store, fingerprint);
        var results = new List<(SubsetRun Run, SubsetSummary Summary)>();
        var subsets = new List<RunSubset>();
        var skipped = new List<(string, SkippedCase)>();
        foreach (var run in runs)
        {
            var reader = run.Create();
            var stem = run.FileStem(reader.Subset);
            var summary = await RunSubsetAsync(reader, stem, pipeline, request, observer, outDir, skipped, cancellationToken).ConfigureAwait(false);
            results.Add((run, summary));
            subsets.Add(new RunSubset(reader.Subset.Name, run.Seed, stem, summary.Samples, summary.Skipped, summary.MetricOfRecord,
                [.. reader.SourceFiles.Select(HashedFile.Of)]));
        }

        var seedSummaries = results
            .Where(r => r.Run.Seed is not null && r.Run.SeedCount > 1)
            .GroupBy(r => r.Summary.Subset.Name)
            .Select(g => new SeedSummary(g.Key, [.. g.Select(r => (r.Run.Seed!.Value, r.Summary))]))
            .ToList();
        var summaries = results
            .Where(r => r.Run.Seed is null || r.Run.SeedCount == 1)
            .Select(r => r.Summary)
            .Concat(seedSummaries.Select(s => s.Mean()))
            .OrderBy(s => results.FindIndex(r => r.Summary.Subset.Name == s.Subset.Name))
            .ToList();
        WriteRunFiles(outDir, summaries, seedSummaries, skipped);

        var manifest = new RunManifest(
            AroVersion.Current,
            new RunModel(package.Name, package.Directory, package.Layout, package.Family.ToString().ToLowerInvariant(),
                ScoringModes.Name(model.Scoring), [.. package.Files.Select(HashedFile.Of)]),
            subsets,
            request.EffectiveSeeds,
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
        return new EvalOutcome(summaries, outDir, manifest, seedSummaries);
    }

    private static async Task<SubsetSummary> RunSubsetAsync(
        ICaseReader reader,
        string stem,
        EvaluationPipeline pipeline,
        EvalRequest request,
        IEvalObserver observer,
        string outDir,
        List<(string, SkippedCase)> skipped,
        CancellationToken cancellationToken)
    {
        var progress = observer.SubsetStarted(reader.Subset);
        var total = await CountAsync(reader, request.Settings.Limit, cancellationToken).ConfigureAwait(false);
        SubsetSummary summary;
        using (var predictions = new PredictionsCsvWriter(Path.Combine(outDir, ResultFiles.Predictions(stem))))
        {
            var sink = new SubsetSink(predictions, OrderDiagnostics.Applies(reader.Subset) ? new OrderDiagnostics() : null);
            var cases = Limited(reader.ReadAsync(cancellationToken), request.Settings.Limit);
            summary = await pipeline.RunAsync(reader.Subset, cases, total, sink, progress, cancellationToken).ConfigureAwait(false);
            summary = summary with { Skipped = sink.Skipped.Count, Diagnostics = sink.Diagnostics?.Rows() };
            skipped.AddRange(sink.Skipped.Select(s => (stem, s)));
            predictions.Commit();
        }

        GroupsCsvWriter.Write(Path.Combine(outDir, ResultFiles.Groups(stem)), summary);
        observer.SubsetFinished(summary);
        return summary;
    }

    private static void WriteRunFiles(string outDir, List<SubsetSummary> summaries, List<SeedSummary> seedSummaries, List<(string, SkippedCase)> skipped)
    {
        SummaryCsvWriter.Write(Path.Combine(outDir, ResultFiles.Summary), summaries);
        WriteOrDelete(Path.Combine(outDir, ResultFiles.Seeds), seedSummaries.Count > 0, path => SeedsCsvWriter.Write(path, seedSummaries));
        WriteOrDelete(Path.Combine(outDir, ResultFiles.Skipped), skipped.Count > 0, path => SkippedCsvWriter.Write(path, skipped));
    }

    /// <summary>Writes an optional file, or removes a stale one an earlier run left, so the folder describes this run.</summary>
    private static void WriteOrDelete(string path, bool write, Action<string> writer)
    {
        if (write)
        {
            writer(path);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
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
