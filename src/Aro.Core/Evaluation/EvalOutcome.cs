using Aro.Core.Results;

namespace Aro.Core.Evaluation;

/// <summary>
/// The result of <c>aro eval</c>: one summary per subset (seed means for Order subsets run with several seeds),
/// the per-seed breakdown, where the files went, and run.json's content.
/// </summary>
public sealed record EvalOutcome(
    IReadOnlyList<SubsetSummary> Summaries,
    string OutputDirectory,
    RunManifest Manifest,
    IReadOnlyList<SeedSummary> SeedSummaries)
{
    public int Skipped => Manifest.Subsets.Sum(s => s.Skipped);

    /// <summary>The retrieval subsets' recalls per perturbation, as their retrieval.csv holds them.</summary>
    public IReadOnlyList<RetrievalTable> Retrieval { get; init; } = [];

    /// <summary>The pair-matching subsets' (Winoground's) text, image and group scores, as their scores.csv holds them.</summary>
    public IReadOnlyList<PairScoresTable> PairScores { get; init; } = [];
}
