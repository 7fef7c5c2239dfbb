namespace Aro.Core.Statistics;

/// <summary>Two runs compared case by case on the cases both scored.</summary>
/// <param name="Cases">Paired cases.</param>
/// <param name="BothCorrect">Cases both got right.</param>
/// <param name="BaselineOnly">Cases only the baseline got right (McNemar's b).</param>
/// <param name="CandidateOnly">Cases only the candidate got right (McNemar's c).</param>
/// <param name="BothWrong">Cases both got wrong.</param>
/// <param name="Micro">Micro accuracy over all paired cases.</param>
/// <param name="Macro">Macro accuracy over the included groups; null when no group is included.</param>
/// <param name="IncludedGroups">Groups the macro accuracy averages.</param>
/// <param name="McNemarP">McNemar's exact two-sided p-value on the discordant pairs.</param>
public sealed record PairedComparison(
    int Cases,
    int BothCorrect,
    int BaselineOnly,
    int CandidateOnly,
    int BothWrong,
    PairedDifference Micro,
    PairedDifference? Macro,
    int IncludedGroups,
    double McNemarP);
