using System.Diagnostics;
using System.Globalization;
using Aro.Core.Benchmarks;
using Aro.Core.Caching;
using Aro.Core.Cases;
using Aro.Core.Checkpoints;
using Aro.Core.IO;
using Aro.Core.Metrics;
using Aro.Core.Models;
using Aro.Core.Models.Scoring;
using Aro.Core.Pipeline;
using Aro.Core.Results;

namespace Aro.Core.Evaluation;

/// <summary>
/// <c>aro eval</c> end to end: parse the subsets, load the model once, run each subset (each seeded subset once per
/// seed) through one pipeline — so an image or caption shared by subsets or seeds is encoded once — and write the
/// results folder. Each subset run checkpoints after every batch into <c>.aro-partial/</c>, so an interrupted run can
/// be resumed (<see cref="EvalRequest.Resume"/>); final files are renamed into place whole.
/// </summary>
public static class EvalJob
{
    /// <summary>Evaluates the request with the ONNX model package it names.</summary>
    public static Task<EvalOutcome> RunAsync(EvalRequest request, IEvalObserver observer, CancellationToken cancellationToken = default)
    {
        var paths = request.EffectivePaths;
        var selection = SubsetSelection.Parse(request.Subset);
        var package = ModelPackageLoader.Load(ModelLocator.Resolve(request.Model, paths.ModelsRoot), request.Variant);
        request = request with { Out = request.Out ?? DefaultOut(package.Name) };
        var fingerprint = ModelFingerprint.Compute(package);
        var identity = new ModelIdentity(package.Name, fingerprint, request.Scoring ?? package.Scoring);
        return RunAsync(request, selection, runtime => LoadedModel.Load(package, runtime, request.Scoring, fingerprint), observer, identity, cancellationToken);
    }

    /// <summary>
    /// Evaluates the request with the model <paramref name="load"/> gives for the fitted runtime options: the seam
    /// through which tests run the whole job on in-memory encoders.
    /// </summary>
    public static Task<EvalOutcome> RunAsync(
        EvalRequest request, SubsetSelection selection, Func<RuntimeOptions, IEvaluationModel> load, IEvalObserver observer, CancellationToken cancellationToken = default) =>
        RunAsync(request, selection, load, observer, null, cancellationToken);

    /// <param name="request">What to evaluate.</param>
    /// <param name="selection">The parsed subsets.</param>
    /// <param name="load">Loads the model for the fitted runtime options.</param>
    /// <param name="observer">Progress and messages.</param>
    /// <param name="known">The model's identity when it is known before loading (the package's), so the results folder is checked first.</param>
    /// <param name="cancellationToken">Stops the run; checkpoints let it resume.</param>
    private static async Task<EvalOutcome> RunAsync(EvalRequest request, SubsetSelection selection, Func<RuntimeOptions, IEvaluationModel> load,
        IEvalObserver observer, ModelIdentity? known, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var paths = request.EffectivePaths;
        foreach (var note in selection.Notes)
        {
            observer.Warn(note);
        }

        RefuseShardsOfShapedSubsets(selection, request);
        var runs = selection.Plan(request.Data, paths.DataRoot, request.EffectiveSeeds);
        var (settings, runtime) = request.Settings.Fit(request.Runtime);
        request = request with { Settings = settings, Runtime = runtime };
        IEvaluationModel? loaded = known is null ? load(runtime) : null;
        using var owned = loaded;
        var modelIdentity = known ?? new ModelIdentity(loaded!.Description.Name, loaded.Fingerprint, loaded.Scoring);
        var outDir = Path.GetFullPath(request.Out ?? DefaultOut(modelIdentity.Name));
        using var folderLock = FolderLock.Acquire(outDir, "aro eval results", observer.Warn);
        var identity = new RunIdentity(modelIdentity.Name, Convert.ToHexStringLower(modelIdentity.Fingerprint), ScoringModes.Name(modelIdentity.Scoring),
            request.EffectiveSeeds, request.Settings.Limit, request.Shard?.ToString(), request.Settings.OnError.ToString().ToLowerInvariant());
        var checkpoints = new CheckpointFolder(outDir);
        var stems = runs.Select(r => r.FileStem).ToList();

        // Decided before the checkpoints are touched, so a refusal can still point at --resume. A resumed subset's
        // files were written by the interrupted run; its checkpoint's run key is checked against this run's below.
        var resumed = request.Resume ? stems.Where(checkpoints.Holds).ToList() : [];
        var plan = ResultsFolderPlan.Decide(outDir, identity, stems, runs.Any(r => r.Seed is not null), request.Force, resumed, checkpoints.Exists && !request.Resume);
        if (!request.Resume)
        {
            checkpoints.Delete();
        }
        else if (!checkpoints.Exists)
        {
            observer.Warn($"--resume: no interrupted run in {outDir}; starting from the beginning");
        }

        if (plan.Kept.Count > 0)
        {
            observer.Note($"{outDir} holds an earlier run of the same model and settings; keeping its {string.Join(", ", plan.Kept.Select(k => k.ResultStem).Distinct())} beside this run's subsets");
        }

        using var late = loaded is null ? load(runtime) : null;
        var model = loaded ?? late!;
        observer.ModelLoaded(model);
        var fingerprint = model.Fingerprint;
        using var store = EmbeddingStores.Open(fingerprint, request.Cache ?? paths.CacheRoot, request.NoCache, observer.Warn);
        var pipeline = new EvaluationPipeline(model, request.Settings, store, fingerprint);
        var results = new List<(SubsetRun Run, SubsetSummary Summary)>();
        var subsets = new List<RunSubset>();
        var skipped = new List<(string, SkippedCase)>();
        var shaped = new ShapedRunContext(request, model, pipeline, store, outDir, observer);
        var retrievalTables = new List<RetrievalTable>();
        var pairTables = new List<PairScoresTable>();
        foreach (var run in runs)
        {
            // Subsets that are not one image against its options have an evaluation of their own (no checkpoint: a
            // resumed run evaluates them again, from the cache).
            if (run.Subset is RetrievalSubset or PairMatchingSubset)
            {
                if (request.Resume)
                {
                    observer.Warn($"--resume: {run.Subset.Name} keeps no checkpoint and is evaluated again from the start (embeddings already computed come from the cache)");
                }

                var result = run.Subset is RetrievalSubset retrieval
                    ? await RetrievalRun.RunAsync(retrieval, run, shaped, cancellationToken).ConfigureAwait(false)
                    : await PairMatchingRun.RunAsync((PairMatchingSubset)run.Subset, run, shaped, cancellationToken).ConfigureAwait(false);
                results.Add((run, result.Summary));
                skipped.AddRange(result.Summary.SkippedCases.Select(s => (run.FileStem, s)));
                subsets.Add(result.Manifest);
                retrievalTables.AddRange(result.Retrieval is { } table ? [table] : []);
                pairTables.AddRange(result.Pairs is { } pairs ? [pairs] : []);
                continue;
            }

            var reader = run.Create();
            var stem = run.FileStem;
            var key = RunKey.Compute(fingerprint, model.Scoring, run.Subset.Name, reader.SourceFiles, run.Seed,
                request.Settings.Limit, request.Shard, request.Settings.OnError, request.Settings.AllowOutsideData);
            var context = new SubsetRunContext(run, reader, stem, key, outDir, checkpoints);
            var summary = await RunSubsetAsync(context, pipeline, request, observer, cancellationToken).ConfigureAwait(false);
            results.Add((run, summary));
            skipped.AddRange(summary.SkippedCases.Select(s => (stem, s)));
            subsets.Add(new RunSubset(run.Subset.Name, run.Seed, stem, summary.Samples, summary.Skipped, summary.MetricOfRecord,
                [.. reader.SourceFiles.Select(HashedFile.Of)], summary.Partial));
        }

        var (summaries, seedSummaries) = RunResults.Build([.. results.Select(r => (r.Run.Seed, r.Run.SeedCount, r.Summary))]);
        var description = model.Description;
        var keptNames = plan.Kept.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var keptStems = plan.Kept.Select(k => k.ResultStem).ToHashSet(StringComparer.Ordinal);
        ResultFolderWriter.WriteRunFiles(outDir, plan.MergeSummary([.. summaries.Select(s => s.ToRow(description.Name))]), seedSummaries, skipped,
            KeptRows(outDir, ResultFiles.Seeds, ResultColumns.SeedsRequired, "subset", keptNames),
            KeptRows(outDir, ResultFiles.Skipped, ResultColumns.Skipped, "subset", keptStems));

        var manifest = new RunManifest(
            AroVersion.Current,
            AroVersion.Commit,
            request.CommandLine,
            new RunModel(description.Name, RecordedPath.Of(description.Directory), description.Layout, description.Family,
                ScoringModes.Name(model.Scoring), description.Variant, identity.Fingerprint, [.. description.Files.Select(HashedFile.Of)]),
            [.. plan.Kept.Select(k => k with { FromEarlierRun = k.FromEarlierRun ?? plan.Earlier!.StartedUtc }), .. subsets],
            SeedsOfRecord(request.EffectiveSeeds, runs, plan),
            request.Settings.Limit,
            request.Shard?.ToString(),
            request.Settings.BatchSize,
            OnnxSessionFactory.RuntimeVersion,
            request.Runtime.Device == ExecutionDevice.Cuda ? "CUDAExecutionProvider" : "CPUExecutionProvider",
            request.Runtime.IntraOpThreads,
            request.Settings.EffectivePreprocessThreads,
            request.Settings.OnError.ToString().ToLowerInvariant(),
            EmbeddingStores.Describe(store, request.NoCache),
            pipeline.Calls.Plus(shaped.RetrievalCalls),
            started.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Math.Round(clock.Elapsed.TotalSeconds, 3))
        {
            AllowOutsideData = request.Settings.AllowOutsideData ? true : null,
        };
        RunManifestWriter.Write(Path.Combine(outDir, ResultFiles.Run), manifest);
        checkpoints.Delete();
        return new EvalOutcome(summaries, outDir, manifest, seedSummaries) { Retrieval = retrievalTables, PairScores = pairTables };
    }

    /// <summary>Retrieval and pair-matching subsets score whole corpora or whole instances: they cannot be split into shards.</summary>
    private static void RefuseShardsOfShapedSubsets(SubsetSelection selection, EvalRequest request)
    {
        if (request.Shard is { } shard && selection.Entries.FirstOrDefault(e => e.Subset is RetrievalSubset or PairMatchingSubset) is { } entry)
        {
            var why = entry.Subset is RetrievalSubset
                ? "a retrieval subset ranks every image against every caption"
                : "its instances are scored as wholes";
            throw new AroInputException(
                $"--shard {shard}: {entry.Subset.Name} cannot be split into shards ({why}); evaluate it in a run without --shard");
        }
    }

    /// <summary>
    /// The seeds run.json records: this run's, unless none of its subsets uses a seed and the folder keeps an earlier
    /// run's seeded subsets, whose seeds then still describe the folder.
    /// </summary>
    private static IReadOnlyList<int> SeedsOfRecord(IReadOnlyList<int> seeds, IReadOnlyList<SubsetRun> runs, ResultsFolderPlan plan) =>
        !runs.Any(r => r.Seed is not null) && plan.Kept.Any(k => k.Seed is not null) && plan.Earlier?.Seeds is { } earlier ? earlier : seeds;

    /// <summary>The default results folder of a model: <c>results/&lt;name&gt;</c>, the name made safe as one folder name.</summary>
    public static string DefaultOut(string modelName) => Path.Combine("results", SafeFolderName.Of(modelName));

    /// <summary>The rows of an earlier run's <paramref name="file"/> whose <paramref name="column"/> is one of <paramref name="kept"/>.</summary>
    private static IReadOnlyList<IReadOnlyDictionary<string, string>> KeptRows(string outDir, string file, IReadOnlyList<string> required, string column, HashSet<string> kept)
    {
        var path = Path.Combine(outDir, file);
        return kept.Count == 0 || !File.Exists(path) ? [] : [.. CsvInput.ReadAll(path, required).Where(r => kept.Contains(r[column]))];
    }

    private static async Task<SubsetSummary> RunSubsetAsync(
        SubsetRunContext context,
        EvaluationPipeline pipeline,
        EvalRequest request,
        IEvalObserver observer,
        CancellationToken cancellationToken)
    {
        var (run, reader, stem, key, outDir, checkpoints) = context;
        var subset = run.Subset;
        var state = request.Resume ? checkpoints.Load(stem) : null;
        if (state is not null && state.RunKey != key)
        {
            throw new AroInputException(
                $"--resume: the checkpoint of {stem} in {checkpoints.Path} was made by a different run (model, data, seed, limit, shard or --on-error differ); run again without --resume");
        }

        var finalPredictions = Path.Combine(outDir, ResultFiles.Predictions(stem));
        if (state is { Complete: true } && File.Exists(finalPredictions))
        {
            var restored = Summarize(subset, state, request);
            observer.SubsetFinished(run, restored);
            return restored;
        }

        var partial = checkpoints.PartialPredictions(stem);
        if (state is not null && (!File.Exists(partial) || new FileInfo(partial).Length < state.PredictionBytes))
        {
            observer.Warn($"--resume: the partial results of {stem} are missing or short; evaluating {stem} from the beginning");
            state = null;
        }

        var progress = observer.SubsetStarted(run);
        var total = Shards.CountIn(await reader.CountAsync(cancellationToken).ConfigureAwait(false), request.Settings.Limit, request.Shard);
        var done = state?.CasesDone ?? 0;
        using var predictions = new PredictionsCsvWriter(finalPredictions, partial, state?.PredictionBytes, state is null ? null : OptionCountOf(partial));
        if (state is not null)
        {
            checkpoints.VerifyRows(stem, state, predictions.RowsSha256);
        }

        var sink = new SubsetSink(
            predictions,
            state is null ? new GroupTally() : GroupTally.Restore(state.Groups),
            subset.Diagnostics?.Create(state?.Diagnostics),
            [.. state?.Skipped ?? []],
            checkpoints,
            stem,
            key,
            done);
        var cases = Shards.Select(reader.ReadAsync(cancellationToken), request.Settings.Limit, request.Shard).Skip(done);
        await pipeline.RunAsync(subset, cases, sink, total, done, progress, reader.DataFolders, cancellationToken).ConfigureAwait(false);

        var finished = sink.Checkpoint(complete: true);
        predictions.Commit();
        var summary = Summarize(subset, finished, request);
        GroupsCsvWriter.Write(Path.Combine(outDir, ResultFiles.Groups(stem)), summary);
        if (subset.Diagnostics is { } definition && summary.Diagnostics is { } diagnostics)
        {
            DiagnosticsCsvWriter.Write(Path.Combine(outDir, ResultFiles.Diagnostics(stem, definition.FileSuffix)), definition, diagnostics);
        }
        checkpoints.Save(stem, finished);
        observer.SubsetFinished(run, summary);
        return summary;
    }

    private static SubsetSummary Summarize(SubsetDefinition subset, SubsetCheckpoint state, EvalRequest request)
    {
        var summary = SubsetSummary.From(subset, GroupTally.Restore(state.Groups));
        return summary with
        {
            Skipped = state.Skipped.Count,
            SkippedCases = state.Skipped,
            Diagnostics = subset.Diagnostics?.Create(state.Diagnostics),
            Partial = SubsetSummary.PartialBecause(subset, summary.Samples, state.Skipped.Count, request.Settings.Limit, request.Shard?.ToString()),
        };
    }

    private static int? OptionCountOf(string partialPredictions)
    {
        using var reader = new StreamReader(partialPredictions);
        var header = reader.ReadLine();
        return header?.Split(',').Count(ResultColumns.IsScore) is > 0 and var count ? count : null;
    }

    /// <summary>What identifies a model for the results folder, known before its graphs are loaded.</summary>
    private sealed record ModelIdentity(string Name, byte[] Fingerprint, ScoringMode Scoring);

    private sealed record SubsetRunContext(SubsetRun Run, ICaseReader Reader, string Stem, string Key, string OutDir, CheckpointFolder Checkpoints);
}
