using Aro.Core.Benchmarks;
using Aro.Core.Models;

namespace Aro.Core.Evaluation;

/// <summary>
/// What <c>aro eval</c> would miss before it starts: a catalog model that is not installed and subsets whose data is
/// not found, each with the exact <c>aro models pull</c> / <c>aro data pull</c> command. Looks at the disk only —
/// nothing here touches the network.
/// </summary>
public static class EvalPrerequisites
{
    public static IReadOnlyList<MissingPrerequisite> Find(string model, SubsetSelection subsets, string? data, AroPaths paths)
    {
        var missing = new List<MissingPrerequisite>();
        if (UninstalledCatalogModel(model, paths.ModelsRoot) is { } entry)
        {
            var folder = Path.GetFullPath(Path.Combine(paths.ModelsRoot, entry.Name));
            missing.Add(new MissingPrerequisite(
                $"model '{entry.Name}' ({entry.Title}) is not installed (no folder {folder})",
                entry.Download is not null ? $"aro models pull {entry.Name}" : entry.Export!,
                entry,
                null));
        }

        foreach (var subset in subsets.NativeSubsets.Where(s => DataLocator.TryResolve(s, data, paths.DataRoot) is null))
        {
            missing.Add(new MissingPrerequisite(
                $"{subset.Title} data not found (expected {DataLocator.Expected(subset, data, paths.DataRoot)})",
                DataLocator.PullCommand(subset, data),
                null,
                subset));
        }

        return missing;
    }

    /// <summary>The catalog entry <paramref name="model"/> names when it is a bare catalog name with no folder yet.</summary>
    public static CatalogModel? UninstalledCatalogModel(string model, string modelsRoot)
    {
        var looksLikePath = model.Contains('/') || model.Contains('\\') || model.StartsWith('.');
        if (looksLikePath || Directory.Exists(model) || Directory.Exists(Path.Combine(modelsRoot, model)))
        {
            return null;
        }

        return ModelCatalog.BuiltIn.Find(model);
    }
}

/// <summary>Something <c>aro eval</c> needs that is not on disk, and the command that gets it.</summary>
/// <param name="Problem">What is missing and where it was looked for.</param>
/// <param name="Command">The command that fetches (or, for export-only models, builds) it.</param>
/// <param name="Model">The catalog model, when it is the model that is missing.</param>
/// <param name="Subset">The subset, when it is data that is missing.</param>
public sealed record MissingPrerequisite(string Problem, string Command, CatalogModel? Model, NativeSubset? Subset)
{
    /// <summary>True when <c>--pull</c> can fetch it (data, or a model with a download).</summary>
    public bool Pullable => Subset is not null || Model?.Download is not null;
}
