namespace Aro.Core.Statistics;

/// <summary>
/// Pairs two runs' cases by id, for the paired comparison and McNemar's test, which are only meaningful on the same
/// cases (same data, same subset). A case id that appears twice in one run, or in different groups in the two runs,
/// means the runs did not score the same data: that is an input error, not something to average over.
/// </summary>
public static class CasePairing
{
    /// <param name="baselineName">What to call the baseline in messages (its predictions.csv).</param>
    /// <param name="baseline">The baseline's cases.</param>
    /// <param name="candidateName">What to call the candidate in messages.</param>
    /// <param name="candidate">The candidate's cases.</param>
    /// <param name="isIncluded">Whether a group with this many paired cases counts toward macro accuracy
    /// (the subset's group filter, e.g. <c>IGroupFilter.IsIncluded</c>).</param>
    public static PairedCases Pair(
        string baselineName,
        IEnumerable<CaseOutcome> baseline,
        string candidateName,
        IEnumerable<CaseOutcome> candidate,
        Func<string, int, bool> isIncluded)
    {
        var baseCases = new Dictionary<string, CaseOutcome>(StringComparer.Ordinal);
        foreach (var outcome in baseline)
        {
            if (!baseCases.TryAdd(outcome.Id, outcome))
            {
                throw Duplicate(baselineName, outcome.Id);
            }
        }

        var tables = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var onlyInCandidate = 0;
        foreach (var outcome in candidate)
        {
            if (!seen.Add(outcome.Id))
            {
                throw Duplicate(candidateName, outcome.Id);
            }

            if (!baseCases.TryGetValue(outcome.Id, out var partner))
            {
                onlyInCandidate++;
                continue;
            }

            if (!string.Equals(partner.Group, outcome.Group, StringComparison.Ordinal))
            {
                throw new AroInputException(
                    $"case '{outcome.Id}' is in group '{partner.Group}' in {baselineName} but in '{outcome.Group}' in {candidateName}: " +
                    "the runs did not score the same data, so their cases cannot be paired; compare runs of the same subset files");
            }

            if (!tables.TryGetValue(outcome.Group, out var table))
            {
                table = new int[4];
                tables[outcome.Group] = table;
            }

            // 0: both right, 1: only the baseline, 2: only the candidate, 3: both wrong.
            table[partner.Correct ? (outcome.Correct ? 0 : 1) : (outcome.Correct ? 2 : 3)]++;
        }

        var onlyInBaseline = baseCases.Count - (seen.Count - onlyInCandidate);
        var groups = tables
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t =>
            {
                var count = t.Value[0] + t.Value[1] + t.Value[2] + t.Value[3];
                return new PairedGroupTally(t.Key, t.Value[0], t.Value[1], t.Value[2], t.Value[3], isIncluded(t.Key, count));
            })
            .ToList();
        return new PairedCases(groups, onlyInBaseline, onlyInCandidate);
    }

    private static AroInputException Duplicate(string run, string id) =>
        new($"{run}: case id '{id}' appears more than once; cases pair by id, so each id must be unique within a run");
}

/// <summary>One case of one run, as a paired comparison needs it: its id, its group and whether the run got it right.</summary>
/// <param name="Id">The case id (predictions.csv's <c>id</c>); cases of two runs pair by it.</param>
/// <param name="Group">The case's group (predictions.csv's <c>group</c>).</param>
/// <param name="Correct">Whether the prediction was the label.</param>
public readonly record struct CaseOutcome(string Id, string Group, bool Correct);

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
