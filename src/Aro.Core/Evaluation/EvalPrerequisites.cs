using Aro.Core.Benchmarks;
using Aro.Core.Models;
using Aro.Core.Perturbations;

namespace Aro.Core.Evaluation;

/// <summary>
/// What <c>aro eval</c> would miss before it starts: a catalog model that is not installed and subsets whose data is
/// not found, each with the exact <c>aro models pull</c> / <c>aro data pull</c> command. Looks at the disk only —
/// nothing here touches the network.
/// </summary>
public static class EvalPrerequisites
{
    public static IReadOnlyList<MissingPrerequisite> Find(string model, string subsets, string? data)
    {
        var missing = new List<MissingPrerequisite>();
        if (UninstalledCatalogModel(model) is { } entry)
        {
            var folder = Path.GetFullPath(Path.Combine(ModelLocator.ModelsRoot, entry.Name));
            missing.Add(new MissingPrerequisite(
                $"model '{entry.Name}' ({entry.Title}) is not installed (no folder {folder})",
                entry.Download is not null ? $"aro models pull {entry.Name}" : entry.Export!,
                entry,
                null));
        }

        foreach (var subset in NativeSubsets(subsets).Where(s => DataLocator.TryResolve(s, data) is null))
        {
            var expected = string.Join(" or ", DataLocator.Candidates(subset, data).Select(c => Path.GetFullPath(Path.Combine(c, subset.NativeFile!))));
            missing.Add(new MissingPrerequisite(
                $"{subset.Title} data not found (expected {expected})",
                DataLocator.PullCommand(subset, data),
                null,
                subset));
        }

        return missing;
    }

    /// <summary>The catalog entry <paramref name="model"/> names when it is a bare catalog name with no folder yet.</summary>
    public static CatalogModel? UninstalledCatalogModel(string model)
    {
        var looksLikePath = model.Contains('/') || model.Contains('\\') || model.StartsWith('.');
        if (looksLikePath || Directory.Exists(model) || Directory.Exists(Path.Combine(ModelLocator.ModelsRoot, model)))
        {
            return null;
        }

        return ModelCatalog.BuiltIn.Find(model);
    }

    /// <summary>The benchmark subsets named in a <c>--subset</c> list (<c>all</c> stands for the four), without cases files.</summary>
    public static IReadOnlyList<SubsetDefinition> NativeSubsets(string subsets)
    {
        var result = new List<SubsetDefinition>();
        foreach (var name in subsets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var named = name == SubsetRegistry.AllName ? SubsetRegistry.All : SubsetRegistry.Find(name) is { } one ? [one] : [];
            result.AddRange(named.Where(s => !result.Contains(s)));
        }

        return result;
    }
}
