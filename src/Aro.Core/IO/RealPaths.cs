namespace Aro.Core.IO;

/// <summary>
/// A path with every symbolic link along it resolved, as <c>realpath(3)</c> gives it, so that "is this file inside
/// that folder" can be answered for where the bytes really are, not for how the path is spelled. Parts that do not
/// exist (yet) are kept as written; <c>..</c> after a link climbs from the link's target, as the kernel does.
/// </summary>
public static class RealPaths
{
    /// <summary>The most links followed for one path (Linux's own limit), so a loop of links ends.</summary>
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    public static string Of(string path)
    {
        // Not GetFullPath: it drops "a/.." by name, where the kernel climbs from wherever a leads.
        var full = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Queue<string>(Parts(full[current.Length..]));
        var links = 0;
        while (pending.TryDequeue(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = LinkTarget(next);
            if (target is null || ++links > MaxLinks)
            {
                current = next;
                continue;
            }

            // The target replaces the link: an absolute one restarts from its root, a relative one from the link's folder.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(Path.GetFullPath(target))!;
                target = target[Path.GetPathRoot(target)!.Length..];
            }

            pending = new Queue<string>([.. Parts(target), .. pending]);
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies below it (both full paths, compared as spelled).</summary>
    public static bool IsWithin(string path, string folder)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var root = Path.TrimEndingDirectorySeparator(folder);
        return path.Equals(root, comparison)
            || (path.StartsWith(root, comparison) && path.Length > root.Length && Separators.Contains(path[root.Length]))
            || (Path.GetPathRoot(root) == root && path.StartsWith(root, comparison));
    }

    /// <summary>Whether <paramref name="path"/> itself is a symbolic link (not whether one leads to it).</summary>
    public static bool IsLink(string path) => LinkTarget(path) is not null;

    private static string[] Parts(string path) => path.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
