namespace Aro.Core;

/// <summary>"Did you mean" for a mistyped folder: the folders beside it whose names are close (<see cref="NameSuggestions"/>).</summary>
public static class PathSuggestions
{
    /// <summary>
    /// " Did you mean 'data/demo'?" for <paramref name="path"/> <c>data/dem</c> when <c>data/demo</c> exists, written
    /// the way the path was typed; "" when its parent folder does not exist or holds nothing close.
    /// </summary>
    public static string DidYouMean(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        var full = Path.GetFullPath(trimmed.Length == 0 ? path : trimmed);
        var parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent))
        {
            return "";
        }

        var siblings = Directory.EnumerateDirectories(parent)
            .Select(Path.GetFileName).OfType<string>()
            .Where(name => !name.StartsWith('.'));
        var close = NameSuggestions.Closest(Path.GetFileName(full), siblings);
        if (close.Count == 0)
        {
            return "";
        }

        var typedParent = Path.GetDirectoryName(trimmed) ?? "";
        return $" Did you mean {string.Join(" or ", close.Select(name => $"'{Path.Combine(typedParent, name)}'"))}?";
    }
}
