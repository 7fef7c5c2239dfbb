using Aro.Core.Benchmarks;
using Aro.Core.Metrics;
using Aro.Core.Results;

namespace Aro.Core.Evaluation;

/// <summary>
/// One pair-matching subset (Winoground) in <c>aro eval</c>: its instances as two cases each through the run's
/// pipeline (so each distinct image and caption is encoded once and the model's scorer applies, ITM + ITC for BLIP),
/// put back together by <see cref="PairMatchCollector"/>, then <c>&lt;subset&gt;.predictions.csv</c> (one row per
/// instance) and <c>&lt;subset&gt;.scores.csv</c> (<c>all</c>, then one row per group). Its summary.csv row carries the
/// group score as micro and macro value, over the instances; <c>--limit N</c> takes the first N instances. It keeps no
/// checkpoint: <c>--resume</c> evaluates it again from the start, its embeddings coming from the cache.
/// </summary>
internal static class PairMatchingRun
{
    public static async Task<ShapedSubsetResult> RunAsync(PairMatchingSubset subset, SubsetRun run, ShapedRunContext context, CancellationToken cancellationToken)
    {
        var reader = run.Create();
        var limit = context.Request.Settings.Limit is { } instances ? (int?)checked(2 * instances) : null;
        var count = await reader.CountAsync(cancellationToken).ConfigureAwait(false);
        var total = limit is { } l ? Math.Min(l, count) : count;
        var cases = reader.ReadAsync(cancellationToken);
        if (limit is { } take)
        {
            cases = cases.Take(take);
        }

        var progress = context.Observer.SubsetStarted(run);
        var collector = new PairMatchCollector(subset);
        await context.Pipeline.RunAsync(subset, cases, collector, total, 0, progress, reader.DataFolders, cancellationToken).ConfigureAwait(false);
        collector.Finish();

        var stem = run.FileStem;
        PairPredictionsCsvWriter.Write(Path.Combine(context.OutDir, ResultFiles.Predictions(stem)), collector.Results);
        var rows = collector.Tally.Rows();
        PairScoresCsvWriter.Write(Path.Combine(context.OutDir, ResultFiles.Scores(stem)), rows);
        var all = rows[0];
        var groups = rows.Skip(1).Select(r => new GroupAccuracy(r.Group, r.Count, r.GroupCorrect, true)).OrderBy(g => g.Group, StringComparer.Ordinal).ToList();
        var summary = new SubsetSummary(subset, all.Count, all.GroupCorrect, all.GroupScore, all.GroupScore, groups, collector.Skipped.Count)
        {
            SkippedCases = collector.Skipped,
            Partial = SubsetSummary.PartialBecause(subset, all.Count, collector.Skipped.Count, context.Request.Settings.Limit, null),
        };
        context.Observer.SubsetFinished(run, summary);
        return new ShapedSubsetResult(
            summary,
            new RunSubset(subset.Name, null, stem, summary.Samples, summary.Skipped, all.GroupScore, [.. reader.SourceFiles.Select(HashedFile.Of)], summary.Partial),
            Pairs: new PairScoresTable(subset, rows));
    }
}
