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
}
