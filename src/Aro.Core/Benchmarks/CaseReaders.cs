using Aro.Core.Benchmarks.Aro;
using Aro.Core.Cases;
using Aro.Core.Perturbations;

namespace Aro.Core.Benchmarks;

/// <summary>Plans the runs a <c>--subset</c> argument stands for.</summary>
public static class CaseReaders
{
    /// <summary>
    /// The runs <paramref name="subsets"/> stands for: a comma-separated list of subset names and cases files;
    /// <c>all</c> stands for the four subsets. Order subsets generated from the native files run once per seed.
    /// </summary>
    public static IReadOnlyList<SubsetRun> Plan(string subsets, string? data, IReadOnlyList<int> seeds)
    {
        var names = subsets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new AroInputException($"--subset names no subset. Known subsets: {string.Join(", ", SubsetRegistry.CommandLineNames)}, or a path to a cases .jsonl file.");
        }

        if (seeds.Count == 0)
        {
            throw new AroInputException("--seeds names no seed");
        }

        return [.. names.SelectMany(name => PlanOne(name, data, seeds))];
    }

    /// <summary>Opens the reader for one subset name with one seed (used by <c>aro data freeze</c>).</summary>
    public static ICaseReader Open(string subset, string? data, int seed) => Plan(subset, data, [seed])[0].Create();

    private static IEnumerable<SubsetRun> PlanOne(string subset, string? data, IReadOnlyList<int> seeds)
    {
        if (subset == SubsetRegistry.AllName)
        {
            return SubsetRegistry.All.SelectMany(s => Native(s, data, seeds));
        }

        if (SubsetRegistry.Find(subset) is { } known)
        {
            return Native(known, data, seeds);
        }

        if (subset.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || File.Exists(subset))
        {
            return [new SubsetRun(() => new CasesJsonlReader(subset), null, 1)];
        }

        throw new AroInputException(
            $"unknown subset '{subset}'. Known subsets: {string.Join(", ", SubsetRegistry.CommandLineNames)}, or a path to a cases .jsonl file.");
    }

    private static IEnumerable<SubsetRun> Native(SubsetDefinition subset, string? data, IReadOnlyList<int> seeds) => subset.Name switch
    {
        SubsetRegistry.RelationName => [new SubsetRun(() => new VgRelationReader(DataLocator.Resolve(subset, data)), null, 1)],
        SubsetRegistry.AttributionName => [new SubsetRun(() => new VgAttributionReader(DataLocator.Resolve(subset, data)), null, 1)],
        _ => seeds.Select(seed => new SubsetRun(() => new KarpathySplitReader(subset, DataLocator.Resolve(subset, data), seed), seed, seeds.Count)),
    };
}
