namespace Aro.Core.Statistics;

/// <summary>Two runs' cases paired by id: the paired 2 x 2 table per group, and the cases that found no partner.</summary>
/// <param name="Groups">Every group with paired cases, ordinal by key.</param>
/// <param name="OnlyInBaseline">Cases whose id the candidate lacks (left out of every paired statistic).</param>
/// <param name="OnlyInCandidate">Cases whose id the baseline lacks.</param>
public sealed record PairedCases(IReadOnlyList<PairedGroupTally> Groups, int OnlyInBaseline, int OnlyInCandidate)
{
    /// <summary>Cases present in both runs.</summary>
    public int Paired => Groups.Sum(g => g.Count);

    /// <summary>Whether every case of each run found its partner: the runs scored the same cases.</summary>
    public bool Complete => OnlyInBaseline == 0 && OnlyInCandidate == 0;
}
