namespace Aro.Core.Benchmarks;

/// <summary>
/// Finds a subset's data folder: <c>--data DIR</c> when DIR holds the subset's marker file, else the first of its
/// <see cref="DataLayout.Folders"/> under DIR that does; without <c>--data</c>, the same under the data root
/// (<see cref="AroPaths.DataRoot"/>: <c>$ARO_DATA</c>, default <c>data/</c>).
/// </summary>
public static class DataLocator
{
    /// <summary>The folders searched for <paramref name="subset"/>, in order.</summary>
    public static IReadOnlyList<string> Candidates(NativeSubset subset, string? data, string dataRoot)
    {
        var root = data ?? dataRoot;
        var underRoot = subset.Data.Folders.Select(folder => Path.Combine(root, folder));
        return data is null ? [.. underRoot] : [data, .. underRoot];
    }

    /// <summary>The subset's folder, or null when no candidate holds its marker file.</summary>
    public static string? TryResolve(NativeSubset subset, string? data, string dataRoot) =>
        Candidates(subset, data, dataRoot)
            .Where(candidate => File.Exists(Path.Combine(candidate, subset.Data.MarkerFile)))
            .Select(Path.GetFullPath)
            .FirstOrDefault();

    public static string Resolve(NativeSubset subset, string? data, string dataRoot) =>
        TryResolve(subset, data, dataRoot) ?? throw new AroInputException(
            $"{subset.Title} data not found: expected {Expected(subset, data, dataRoot)}. Download it with `{PullCommand(subset, data)}` or pass --data DIR.");

    /// <summary>Every marker-file path that was looked for, joined with "or" (for messages).</summary>
    public static string Expected(NativeSubset subset, string? data, string dataRoot) =>
        string.Join(" or ", Candidates(subset, data, dataRoot).Select(c => Path.GetFullPath(Path.Combine(c, subset.Data.MarkerFile))));

    /// <summary>
    /// Where <c>aro data pull</c> puts the subset: the folder already holding it if any, else the last of its folder
    /// names under the root (<c>vg/</c> for the VG subsets, so they share one copy of the images).
    /// </summary>
    public static string PullFolder(NativeSubset subset, string? data, string dataRoot) =>
        TryResolve(subset, data, dataRoot) ?? Path.GetFullPath(Path.Combine(data ?? dataRoot, subset.Data.Folders[^1]));

    /// <summary>The command that downloads the subset into the place this lookup searches.</summary>
    public static string PullCommand(NativeSubset subset, string? data) =>
        data is null ? $"aro data pull {subset.Name}" : $"aro data pull {subset.Name} --data {Quote(data)}";

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
