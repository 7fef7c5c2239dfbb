using Aro.Core.IO;

namespace Aro.Core.Pipeline;

/// <summary>
/// Refuses images that lie outside a subset's data folder: an image path from an annotation file or a cases file
/// that climbs out with <c>..</c>, is absolute elsewhere, or reaches another place through a symbolic link. A data
/// file decides which files aro opens, so a hostile or careless one must not make it read (and hash, and embed)
/// files anywhere on the machine. Inside means: the image's real path (links resolved) is below the data folder's
/// real path, so a data folder that is itself a link, or paths spelled through it, are inside. Evaluations that
/// mean to read elsewhere — image folders linked in from another disk are common — pass
/// <see cref="EvaluationSettings.AllowOutsideData"/>. Only paths that lead to a regular file are judged: anything
/// else (missing, a folder, a device or FIFO behind a link) is refused by <c>Imaging/ImageFiles</c> without being
/// opened, in its own, more telling words.
/// </summary>
public sealed class DataFolderGuard
{
    private readonly string _folder;
    private readonly string _realFolder;
    private readonly Dictionary<string, string> _realParents = new(StringComparer.Ordinal);

    /// <param name="folder">The data folder: the one <c>--data</c> resolves to for the subset, or the one holding a cases file.</param>
    public DataFolderGuard(string folder)
    {
        _folder = Path.GetFullPath(folder);
        _realFolder = RealPaths.Of(_folder);
    }

    /// <summary>A guard for <paramref name="folder"/>, or null when nothing is checked (no folder known, or outside reads allowed).</summary>
    public static DataFolderGuard? For(string? folder, bool allowOutside) => folder is null || allowOutside ? null : new DataFolderGuard(folder);

    /// <summary>Why the image may not be read, or null when it lies inside the data folder.</summary>
    public string? Problem(string imagePath)
    {
        var full = Path.GetFullPath(imagePath);
        if (RegularFile.KindOf(full) != FileKind.Regular)
        {
            return null;
        }

        var real = RealOf(full);
        if (RealPaths.IsWithin(real, _realFolder))
        {
            return null;
        }

        var how = RealPaths.IsWithin(full, _folder)
            ? $"is inside the data folder {_folder} by name, but a symbolic link along the way leads to {real}, outside it"
            : real == full ? $"lies outside the data folder {_folder}" : $"lies outside the data folder {_folder} (at {real}, links resolved)";
        return $"image {imagePath}: {how}; aro reads images only from inside the subset's data folder. " +
            "If the images are meant to be read from there (a symbolic link from the data folder to an image folder on another disk is common), " +
            "run again with --allow-outside-data";
    }

    /// <summary>The real path, resolving each image's folder once (a subset's images share a few folders).</summary>
    private string RealOf(string full)
    {
        var parent = Path.GetDirectoryName(full);
        if (parent is null)
        {
            return RealPaths.Of(full);
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

        var candidate = Path.Combine(realParent, Path.GetFileName(full));
        return RealPaths.IsLink(candidate) ? RealPaths.Of(candidate) : candidate;
    }
}
