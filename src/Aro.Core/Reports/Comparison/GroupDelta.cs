
namespace Aro.Core.Reports.Comparison;

/// <summary>One included group's accuracy in the baseline and the candidate.</summary>
/// <param name="Subset">The subset.</param>
/// <param name="Group">The group (relation, attribute pair).</param>
/// <param name="BaselineCount">Cases in the baseline's group.</param>
/// <param name="CandidateCount">Cases in the candidate's group.</param>
/// <param name="Baseline">The baseline's accuracy.</param>
/// <param name="Candidate">The candidate's accuracy.</param>
/// <param name="Delta">Candidate minus baseline, rounded to 7 decimals.</param>
/// <param name="Status">Ok or Drop.</param>
public sealed record GroupDelta(string Subset, string Group, int BaselineCount, int CandidateCount, double Baseline, double Candidate, double Delta, DeltaStatus Status);
