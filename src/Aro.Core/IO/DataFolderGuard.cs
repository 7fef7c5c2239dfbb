namespace Aro.Core.IO;

/// <summary>
/// Refuses images that lie outside a subset's data folders: an image path from an annotation file or a cases file
/// that climbs out with <c>..</c>, is absolute elsewhere, or reaches another place through a symbolic link. A data
/// file decides which files aro opens, so a hostile or careless one must not make it read (and hash, and embed)
/// files anywhere on the machine. Inside means: the image's real path (links resolved as the kernel resolves them)
/// is below one data folder's real path, so a data folder that is itself a link, or paths spelled through its
/// target, are inside. Evaluations that mean to read elsewhere — image folders linked in from another disk are
/// common — pass <see cref="EvaluationSettings.AllowOutsideData"/>. Only paths that lead to a regular file are
/// judged: anything else (missing, a folder, a device or FIFO behind a link) is refused by <c>Imaging/ImageFiles</c>
/// without being opened, in its own, more telling words.
/// </summary>
public sealed class DataFolderGuard
{
    private readonly IReadOnlyList<string> _folders;
    private readonly IReadOnlyList<string> _realFolders;
    private readonly Dictionary<string, string> _realParents = new(StringComparer.Ordinal);

    /// <param name="folders">The data folders: the one <c>--data</c> resolves to for the subset; for a cases file, the one holding it and the data folders.</param>
    public DataFolderGuard(IReadOnlyList<string> folders)
    {
        if (folders.Count == 0)
        {
            throw new ArgumentException("a guard needs at least one folder", nameof(folders));
        }

        _folders = [.. folders.Select(Path.GetFullPath)];
        _realFolders = [.. _folders.Select(RealPaths.Of)];
    }

    /// <summary>A guard for <paramref name="folders"/>, or null when nothing is checked (no folder known, or outside reads allowed).</summary>
    public static DataFolderGuard? For(IReadOnlyList<string> folders, bool allowOutside) =>
        folders.Count == 0 || allowOutside ? null : new DataFolderGuard(folders);

    /// <summary>Why the image may not be read, or null when it lies inside a data folder.</summary>
    public string? Problem(string imagePath)
    {
        if (RegularFile.KindOf(imagePath) != FileKind.Regular)
        {
            return null;
        }

        // Resolved as the kernel will open it: "link/.." climbs from the link's target, which GetFullPath would not.
        var real = RealOf(imagePath);
        if (_realFolders.Any(folder => RealPaths.IsWithin(real, folder)))
        {
            return null;
        }

        var full = Path.GetFullPath(imagePath);
        var named = _folders.Count == 1 ? $"the data folder {_folders[0]}" : $"the data folders ({string.Join(", ", _folders)})";
        var how = _folders.FirstOrDefault(folder => RealPaths.IsWithin(full, folder)) is { } byName
            ? $"is inside the data folder {byName} by name, but a symbolic link along the way leads to {real}, outside it"
            : real == full ? $"lies outside {named}" : $"lies outside {named} (at {real}, links resolved)";
        return $"image {imagePath}: {how}; aro reads images only from inside the subset's data folder. " +
            "If the images are meant to be read from there (a symbolic link from the data folder to an image folder on another disk is common), " +
            "run again with --allow-outside-data (for a cases file, --data naming the folder they lie in does as well)";
    }

    /// <summary>The real path, resolving each image's folder once (a subset's images share a few folders).</summary>
    private string RealOf(string path)
    {
        var parent = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(parent))
        {
            return RealPaths.Of(path);
        }

        if (!_realParents.TryGetValue(parent, out var realParent))
        {
            realParent = RealPaths.Of(parent);
            if (_realParents.Count > 4096)
            {
                _realParents.Clear();
            }

            _realParents[parent] = realParent;
        }

        var candidate = Path.Combine(realParent, Path.GetFileName(path));
        return RealPaths.IsLink(candidate) ? RealPaths.Of(candidate) : candidate;
    }
}
