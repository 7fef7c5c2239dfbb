using Aro.Core.Perturbations;

namespace Aro.Core.Benchmarks;

/// <summary>
/// Finds a subset's data folder: <c>--data DIR</c> when DIR holds the subset's annotation file, else the first of
/// <c>DIR/&lt;subset&gt;</c> and (VG subsets) <c>DIR/vg</c> that does; without <c>--data</c>, the same under
/// <c>$ARO_DATA</c> (default <c>data/</c>).
/// </summary>
public static class DataLocator
{
    public const string EnvironmentVariable = "ARO_DATA";

    public static string DataRoot =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } root ? root : "data";

    /// <summary>The folders searched for <paramref name="subset"/>, in order.</summary>
    public static IReadOnlyList<string> Candidates(SubsetDefinition subset, string? data)
    {
        var root = data ?? DataRoot;
        var underRoot = subset.DataFolders.Select(folder => Path.Combine(root, folder));
        return data is null ? [.. underRoot] : [data, .. underRoot];
    }

    /// <summary>The subset's folder, or null when no candidate holds its annotation file.</summary>
    public static string? TryResolve(SubsetDefinition subset, string? data)
    {
        foreach (var candidate in Candidates(subset, data))
        {
            if (subset.NativeFile is null || File.Exists(Path.Combine(candidate, subset.NativeFile)))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    public static string Resolve(SubsetDefinition subset, string? data)
    {
        if (TryResolve(subset, data) is { } found)
        {
            return found;
        }

        var tried = string.Join(" or ", Candidates(subset, data).Select(c => Path.GetFullPath(Path.Combine(c, subset.NativeFile ?? ""))));
        throw new AroInputException(
            $"{subset.Title} data not found: expected {tried}. Download it with `{PullCommand(subset, data)}` or pass --data DIR.");
    }

    /// <summary>
    /// Where <c>aro data pull</c> puts the subset: the folder already holding it if any, else the last of its
    /// folder names under the root (<c>vg/</c> for the VG subsets, so they share one copy of the images).
    /// </summary>
    public static string PullFolder(SubsetDefinition subset, string? data) =>
        TryResolve(subset, data) ?? Path.GetFullPath(Path.Combine(data ?? DataRoot, subset.DataFolders[^1]));

    /// <summary>The command that downloads the subset into the place this lookup searches.</summary>
    public static string PullCommand(SubsetDefinition subset, string? data) =>
        data is null ? $"aro data pull {subset.Name}" : $"aro data pull {subset.Name} --data {Quote(data)}";

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
