
namespace Aro.Core.Reports.Comparison;

/// <summary>One subset's metric of record in the baseline and the candidate.</summary>
/// <param name="Subset">The subset.</param>
/// <param name="Metric">The metric compared: <c>macro</c> or <c>p@1</c>.</param>
/// <param name="Baseline">The baseline's value; null when the subset was added.</param>
/// <param name="Candidate">The candidate's value; null when the subset was removed.</param>
/// <param name="Delta">Candidate minus baseline, rounded to the CSVs' 7 decimals; null unless in both.</param>
/// <param name="Status">The verdict.</param>
public sealed record SubsetDelta(string Subset, string Metric, double? Baseline, double? Candidate, double? Delta, DeltaStatus Status);
