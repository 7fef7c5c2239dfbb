using Aro.Core.Statistics;

namespace Aro.Core.Reports.Comparison;

/// <summary>One row of a job-summary table: a subset (or a gated group) in the baseline and the candidate.</summary>
/// <param name="Name">The subset, or <c>subset / group</c>.</param>
/// <param name="Metric">The metric compared (<c>macro</c>, <c>p@1</c>, <c>accuracy</c>).</param>
/// <param name="Cases">The cases behind the numbers (paired cases when paired); null when unknown.</param>
/// <param name="Baseline">The baseline's value; null when only the candidate has it.</param>
/// <param name="Candidate">The candidate's value; null when only the baseline has it.</param>
/// <param name="Difference">Candidate minus baseline; null unless in both.</param>
/// <param name="Interval">The difference's 95% interval; null when not computed (no paired cases).</param>
/// <param name="McNemarP">McNemar's exact p-value; null when not computed.</param>
/// <param name="Verdict">The gate's word for the row (<c>ok</c>, <c>DROP</c>, <c>added</c>, <c>removed</c>).</param>
/// <param name="Failed">Whether the row fails the gate (shown with a cross and in bold).</param>
public sealed record MarkdownComparisonRow(
    string Name,
    string Metric,
    int? Cases,
    double? Baseline,
    double? Candidate,
    double? Difference,
    ConfidenceInterval? Interval,
    double? McNemarP,
    string Verdict,
    bool Failed);
