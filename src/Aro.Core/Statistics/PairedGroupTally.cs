namespace Aro.Core.Statistics;

/// <summary>
/// One group's paired cases: the 2 x 2 table of baseline and candidate correctness. McNemar's discordant pairs are
/// <see cref="BaselineOnly"/> (b) and <see cref="CandidateOnly"/> (c).
/// </summary>
/// <param name="Group">The group key; groups are resampled in ordinal order of it.</param>
/// <param name="BothCorrect">Cases both runs got right.</param>
/// <param name="BaselineOnly">Cases only the baseline got right.</param>
/// <param name="CandidateOnly">Cases only the candidate got right.</param>
/// <param name="BothWrong">Cases both runs got wrong.</param>
/// <param name="Included">Whether the group counts toward macro accuracy.</param>
public readonly record struct PairedGroupTally(string Group, int BothCorrect, int BaselineOnly, int CandidateOnly, int BothWrong, bool Included)
{
    /// <summary>Paired cases in the group.</summary>
    public int Count => BothCorrect + BaselineOnly + CandidateOnly + BothWrong;

    /// <summary>Cases the baseline got right.</summary>
    public int BaselineCorrect => BothCorrect + BaselineOnly;

    /// <summary>Cases the candidate got right.</summary>
    public int CandidateCorrect => BothCorrect + CandidateOnly;
}
