namespace Aro.Core.Download;

/// <summary>
/// Checks a path that comes from a download (a zip entry, an image name in an annotation file) before anything is
/// written under it: relative, no <c>..</c>, no drive or root, no control characters, and still inside the folder
/// once combined with it.
/// </summary>
public static class SafeRelativePath
{
    /// <summary>The path with '/' separators, or null when it is unsafe.</summary>
    public static string? Normalize(string path)
    {
        if (string.IsNullOrEmpty(path) || path.Any(c => char.IsControl(c)))
        {
            return null;
        }

        var normalized = path.Replace('\\', '/');
        if (normalized.StartsWith('/') || normalized.Contains(':', StringComparison.Ordinal) || Path.IsPathRooted(normalized))
        {
            return null;
        }

        var parts = normalized.Split('/');
        if (parts.Any(p => p is ".." or "."))
        {
            return null;
        }

        return string.Join('/', parts.Where(p => p.Length > 0));
    }

    /// <summary>The full path of <paramref name="relative"/> inside <paramref name="folder"/>, or null when it would leave it.</summary>
    public static string? Combine(string folder, string relative)
    {
        if (Normalize(relative) is not { Length: > 0 } safe)
        {
            return null;
        }

        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(root, safe));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full : null;
    }
}
