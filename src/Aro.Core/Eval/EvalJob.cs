using System.Diagnostics;
using System.Globalization;
using Aro.Core.Models;
using Aro.Core.Reports;

namespace Aro.Core.Eval;

/// <summary>
/// <c>aro eval</c> end to end: resolve the model and the subsets, load the model once, run each subset, and write
/// the results folder. Every file is written under a temporary name and renamed, so an interrupted run leaves
/// the previous files or complete new ones.
/// </summary>
public static class EvalJob
{
    public static async Task<EvalOutcome> RunAsync(EvalRequest request, IEvalObserver observer, CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var package = ModelPackageLoader.Load(ModelLocator.Resolve(request.Model));
        var readers = Data.CaseReaders.Resolve(request.Subset, request.Data);
        var outDir = Path.GetFullPath(request.Out ?? Path.Combine("results", package.Name));

        using var model = LoadedModel.Load(package, request.Runtime, request.Scoring);
        observer.ModelLoaded(model);
        var pipeline = new EvaluationPipeline(model, request.Settings);
        var summaries = new List<SubsetSummary>();
        var subsets = new List<RunSubset>();
        foreach (var createReader in readers)
        {
            var reader = createReader();
            var progress = observer.SubsetStarted(reader.Subset);
            SubsetSummary summary;
            using (var predictions = new PredictionsCsvWriter(Path.Combine(outDir, ResultFiles.Predictions(reader.Subset.Name))))
            {
                summary = await pipeline.RunAsync(reader, predictions.Write, progress, cancellationToken).ConfigureAwait(false);
                predictions.Commit();
            }

            GroupsCsvWriter.Write(Path.Combine(outDir, ResultFiles.Groups(reader.Subset.Name)), summary);
            summaries.Add(summary);
            subsets.Add(new RunSubset(reader.Subset.Name, summary.Samples, summary.MetricOfRecord, [.. reader.SourceFiles.Select(HashedFile.Of)]));
            observer.SubsetFinished(summary);
        }

        SummaryCsvWriter.Write(Path.Combine(outDir, ResultFiles.Summary), summaries);
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
            started.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Math.Round(clock.Elapsed.TotalSeconds, 3));
        RunManifestWriter.Write(Path.Combine(outDir, ResultFiles.Run), manifest);
        return new EvalOutcome(summaries, outDir, manifest);
    }
}
