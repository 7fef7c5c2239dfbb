using Aro.Core.Statistics;

namespace Aro.Core.Reports.Comparison;

/// <summary>
/// One subset of two runs compared case by case (docs/statistics.md, "Paired comparison of two runs"), or why it
/// could not be: a subset whose results hold no per-case correctness (retrieval) or whose predictions are missing.
/// </summary>
/// <param name="Comparison">The paired comparison; null when no case could be paired.</param>
/// <param name="OnlyInBaseline">Cases only the baseline scored.</param>
/// <param name="OnlyInCandidate">Cases only the candidate scored.</param>
/// <param name="Seeds">The seeds whose cases were pooled (empty for a subset without seeds).</param>
/// <param name="Unavailable">Why there is no comparison; null when there is one.</param>
public sealed record SubsetPairing(PairedComparison? Comparison, int OnlyInBaseline, int OnlyInCandidate, IReadOnlyList<int> Seeds, string? Unavailable)
{
    /// <summary>The difference the gate reads for a metric of record: macro's for <c>macro</c>, micro's otherwise.</summary>
    public PairedDifference? DifferenceFor(string metric) =>
        Comparison is null ? null : metric == "macro" && Comparison.Macro is { } macro ? macro : Comparison.Micro;

    public static SubsetPairing Without(string reason) => new(null, 0, 0, [], reason);
}
