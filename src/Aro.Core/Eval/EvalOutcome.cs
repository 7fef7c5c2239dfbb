using Aro.Core.Reports;

namespace Aro.Core.Eval;

/// <summary>The result of <c>aro eval</c>: one summary per subset, where the files went, and run.json's content.</summary>
public sealed record EvalOutcome(IReadOnlyList<SubsetSummary> Summaries, string OutputDirectory, RunManifest Manifest)
{
    public int Skipped => Summaries.Sum(s => s.Skipped);
}
