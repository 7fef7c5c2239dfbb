namespace Aro.Core.Reports.Comparison;

/// <summary>One comparison for the job summary: what was compared, under which gate, and the rows.</summary>
/// <param name="Baseline">The baseline (a results folder or summary.csv), as the user named it.</param>
/// <param name="Candidate">The candidate.</param>
/// <param name="Gate">The thresholds in words, e.g. <c>a drop of more than 0.0100</c>.</param>
/// <param name="Passed">Whether the gate passed.</param>
/// <param name="Verdict">The closing line (<c>OK: ...</c> or <c>FAIL: ...</c>).</param>
/// <param name="Subsets">A row per subset.</param>
/// <param name="Groups">Rows for gated groups worth showing (for example those that dropped); may be empty.</param>
/// <param name="Notes">What a reader should know that is not a failure.</param>
public sealed record MarkdownComparison(
    string Baseline,
    string Candidate,
    string Gate,
    bool Passed,
    string Verdict,
    IReadOnlyList<MarkdownComparisonRow> Subsets,
    IReadOnlyList<MarkdownComparisonRow> Groups,
    IReadOnlyList<string> Notes);
