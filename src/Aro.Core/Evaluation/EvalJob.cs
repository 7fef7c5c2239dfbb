using System.Diagnostics;
using System.Globalization;
using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.Aro;
using Aro.Core.Caching;
using Aro.Core.Cases;
using Aro.Core.Checkpoints;
using Aro.Core.Metrics;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.Core.Pipeline;
using Aro.Core.Results;

namespace Aro.Core.Evaluation;

/// <summary>
/// <c>aro eval</c> end to end: resolve the model and the subsets, load the model once, run each subset (each Order
/// subset once per seed) through one pipeline — so an image or caption shared by subsets or seeds is encoded once —
/// and write the results folder. Each subset run checkpoints after every batch into <c>.aro-partial/</c>, so an
/// interrupted run can be resumed (<see cref="EvalRequest.Resume"/>); final files are renamed into place whole.
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
        var checkpoints = new CheckpointFolder(outDir);
        if (!request.Resume)
        {
            checkpoints.Delete();
        }
        else if (!checkpoints.Exists)
        {
            observer.Warn($"--resume: no interrupted run in {outDir}; starting from the beginning");
        }

        var (settings, runtime) = request.Settings.Fit(request.Runtime);
        request = request with { Settings = settings, Runtime = runtime };
        using var model = LoadedModel.Load(package, runtime, request.Scoring);
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
            var key = RunKey.Compute(fingerprint, model.Scoring, reader, run.Seed, request);
            var context = new SubsetRunContext(reader, stem, key, outDir, checkpoints);
            var summary = await RunSubsetAsync(context, pipeline, request, observer, cancellationToken).ConfigureAwait(false);
            results.Add((run, summary));
            skipped.AddRange(summary.SkippedCases.Select(s => (stem, s)));
            subsets.Add(new RunSubset(reader.Subset.Name, run.Seed, stem, summary.Samples, summary.Skipped, summary.MetricOfRecord,
                [.. reader.SourceFiles.Select(HashedFile.Of)]));
        }

        var (summaries, seedSummaries) = RunResults.Build([.. results.Select(r => (r.Run.Seed, r.Run.SeedCount, r.Summary))]);
        ResultFolderWriter.WriteRunFiles(outDir, summaries, seedSummaries, skipped);

        var manifest = new RunManifest(
            AroVersion.Current,
            new RunModel(package.Name, package.Directory, package.Layout, package.Family.ToString().ToLowerInvariant(),
                ScoringModes.Name(model.Scoring), [.. package.Files.Select(HashedFile.Of)]),
            subsets,
            request.EffectiveSeeds,
            request.Settings.Limit,
            request.Shard?.ToString(),
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
        checkpoints.Delete();
        return new EvalOutcome(summaries, outDir, manifest, seedSummaries);
    }

    private static async Task<SubsetSummary> RunSubsetAsync(
        SubsetRunContext context,
        EvaluationPipeline pipeline,
        EvalRequest request,
        IEvalObserver observer,
        CancellationToken cancellationToken)
    {
        var (reader, stem, key, outDir, checkpoints) = context;
        var subset = reader.Subset;
        var state = request.Resume ? checkpoints.Load(stem) : null;
        if (state is not null && state.RunKey != key)
        {
            throw new AroInputException(
                $"--resume: the checkpoint of {stem} in {checkpoints.Path} was made by a different run (model, data, seed, limit, shard or --on-error differ); run again without --resume");
        }

        var finalPredictions = Path.Combine(outDir, ResultFiles.Predictions(stem));
        if (state is { Complete: true } && File.Exists(finalPredictions))
        {
            var restored = Summarize(subset, state);
            observer.SubsetFinished(restored);
            return restored;
        }

        var partial = checkpoints.PartialPredictions(stem);
        if (state is not null && (!File.Exists(partial) || new FileInfo(partial).Length < state.PredictionBytes))
        {
            observer.Warn($"--resume: the partial results of {stem} are missing or short; evaluating {stem} from the beginning");
            state = null;
        }

        var progress = observer.SubsetStarted(subset);
        var total = Shards.CountIn(await reader.CountAsync(cancellationToken).ConfigureAwait(false), request.Settings.Limit, request.Shard);
        var done = state?.CasesDone ?? 0;
        using var predictions = new PredictionsCsvWriter(finalPredictions, partial, state?.PredictionBytes, state is null ? null : OptionCountOf(partial));
        var sink = new SubsetSink(
            predictions,
            state is null ? new MacroAccuracy(subset) : MacroAccuracy.Restore(subset, state.Groups),
            OrderDiagnostics.Applies(subset) ? OrderDiagnostics.Restore(state?.Diagnostics) : null,
            [.. state?.Skipped ?? []],
            checkpoints,
            stem,
            key,
            done);
        var cases = Shards.Select(reader.ReadAsync(cancellationToken), request.Settings.Limit, request.Shard).Skip(done);
        await pipeline.RunAsync(subset, cases, sink, total, done, progress, cancellationToken).ConfigureAwait(false);

        var finished = sink.Checkpoint(complete: true);
        predictions.Commit();
        var summary = Summarize(subset, finished);
        GroupsCsvWriter.Write(Path.Combine(outDir, ResultFiles.Groups(stem)), summary);
        checkpoints.Save(stem, finished);
        observer.SubsetFinished(summary);
        return summary;
    }

    private static SubsetSummary Summarize(SubsetDefinition subset, SubsetCheckpoint state) =>
        MacroAccuracy.Restore(subset, state.Groups).Summarize() with
        {
            Skipped = state.Skipped.Count,
            SkippedCases = state.Skipped,
            Diagnostics = state.Diagnostics is null ? null : OrderDiagnostics.Restore(state.Diagnostics).Rows(),
        };

    private static int? OptionCountOf(string partialPredictions)
    {
        using var reader = new StreamReader(partialPredictions);
        var header = reader.ReadLine();
        return header?.Split(',').Count(c => c.StartsWith("score_", StringComparison.Ordinal)) is > 0 and var count ? count : null;
    }

    private sealed record SubsetRunContext(ICaseReader Reader, string Stem, string Key, string OutDir, CheckpointFolder Checkpoints);
}
