using Aro.Core.Perturbations;

namespace Aro.Core.Results;

/// <summary>
/// Turns the subset runs of one evaluation (several per Order subset when it ran with several seeds) into the rows
/// of summary.csv — seed means for multi-seed subsets — and the per-seed breakdown for seeds.csv.
/// </summary>
public static class RunResults
{
    public static (List<SubsetSummary> Summaries, List<SeedSummary> Seeds) Build(IReadOnlyList<(int? Seed, int SeedCount, SubsetSummary Summary)> runs)
    {
        var multiSeed = runs.Where(r => r.Seed is not null && r.SeedCount > 1).ToList();
        var seeds = multiSeed
            .GroupBy(r => r.Summary.Subset.Name)
            .Select(g => new SeedSummary(g.Key, [.. g.Select(r => (r.Seed!.Value, r.Summary))]))
            .ToList();
        var order = runs.Select(r => r.Summary.Subset.Name).Distinct().ToList();
        var summaries = runs
            .Where(r => r.Seed is null || r.SeedCount == 1)
            .Select(r => r.Summary)
            .Concat(seeds.Select(s => s.Mean()))
            .OrderBy(s => order.IndexOf(s.Subset.Name))
            .ToList();
        return (summaries, seeds);
    }
}
