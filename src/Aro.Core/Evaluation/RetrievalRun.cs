using Aro.Core.Benchmarks;
using Aro.Core.Metrics;
using Aro.Core.Results;

namespace Aro.Core.Evaluation;

/// <summary>
/// One retrieval subset in <c>aro eval</c>: reads its corpus (the first <c>--limit</c> images and their captions, when
/// given), runs the <see cref="Pipeline.RetrievalEvaluator"/> and writes <c>&lt;subset&gt;.retrieval.csv</c> and
/// <c>&lt;subset&gt;.captions.csv</c>. Its summary.csv row carries text-to-image R@1 of the original captions as both
/// micro and macro value, over the captions. It keeps no checkpoint: an interrupted run's <c>--resume</c> evaluates
/// it again from the start, its embeddings coming from the cache.
/// </summary>
internal static class RetrievalRun
{
    public static async Task<ShapedSubsetResult> RunAsync(RetrievalSubset subset, SubsetRun run, ShapedRunContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var folder = DataLocator.Resolve(subset, request.Data, request.EffectivePaths.DataRoot);
        var corpus = await subset.ReadCorpusAsync(folder, cancellationToken).ConfigureAwait(false);
        if (request.Settings.Limit is { } limit)
        {
            corpus = corpus.Take(limit);
        }

        var plan = (request.Retrieval ?? RetrievalOptions.Default).Plan(request.EffectiveSeeds);
        var progress = context.Observer.SubsetStarted(run);
        Pipeline.RetrievalOutcome outcome;
        using (var captions = new CaptionsCsvWriter(Path.Combine(context.OutDir, ResultFiles.Captions(subset.Name))))
        {
            outcome = await context.Retrieval.RunAsync(subset, corpus, plan, captions, progress, cancellationToken).ConfigureAwait(false);
            captions.Commit();
        }

        RetrievalCsvWriter.Write(Path.Combine(context.OutDir, ResultFiles.Retrieval(subset.Name)), outcome.Rows);
        var original = outcome.Original;
        var hits = original.CaptionHits[0];
        var recall = original.TextToImage(1);
        var summary = new SubsetSummary(subset, original.Captions, hits, recall, recall, [new GroupAccuracy(subset.Name, original.Captions, hits, true)])
        {
            Partial = SubsetSummary.PartialBecause(subset, original.Captions, 0, request.Settings.Limit, null),
        };
        context.Observer.SubsetFinished(run, summary);
        return new ShapedSubsetResult(
            summary,
            new RunSubset(subset.Name, null, subset.Name, summary.Samples, 0, recall, [HashedFile.Of(corpus.AnnotationFile)], summary.Partial),
            Retrieval: new RetrievalTable(subset, outcome.Rows));
    }
}
