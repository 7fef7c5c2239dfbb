namespace Aro.Core.Data;

/// <summary>Creates the reader for a subset name or a cases file (the <c>--subset</c> argument).</summary>
public static class CaseReaders
{
    /// <summary>
    /// The readers <paramref name="subsets"/> stands for: a comma-separated list of subset names and cases files;
    /// <c>all</c> stands for the four subsets.
    /// </summary>
    public static IReadOnlyList<Func<ICaseReader>> Resolve(string subsets, string? data) =>
        [.. subsets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(s => ResolveOne(s, data))];

    private static IReadOnlyList<Func<ICaseReader>> ResolveOne(string subset, string? data)
    {
        if (subset == SubsetRegistry.AllName)
        {
            return [.. SubsetRegistry.All.Select(s => Factory(s, data))];
        }

        if (SubsetRegistry.Find(subset) is { } known)
        {
            return [Factory(known, data)];
        }

        if (subset.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || File.Exists(subset))
        {
            return [() => new CasesJsonlReader(subset)];
        }

        throw new AroInputException(
            $"unknown subset '{subset}'. Known subsets: {string.Join(", ", SubsetRegistry.CommandLineNames)}, or a path to a cases .jsonl file.");
    }

    private static Func<ICaseReader> Factory(SubsetDefinition subset, string? data) => subset.Name switch
    {
        SubsetRegistry.RelationName => () => new VgRelationReader(DataLocator.Resolve(subset, data)),
        SubsetRegistry.AttributionName => () => new VgAttributionReader(DataLocator.Resolve(subset, data)),
        _ => () => throw new AroInputException($"subset {subset.Name} is not available in this build of aro"),
    };
}
