using System.Globalization;
using System.IO.Compression;
using Aro.Core.IO;

namespace Aro.Core.Download;

/// <summary>
/// Unpacks a zip safely: every entry is checked before anything is written (no absolute paths, no <c>..</c>, no
/// links, sizes and every entry's compression ratio within <see cref="ZipLimits"/>), so a bad archive leaves nothing
/// behind; then each file is written under a temporary name and renamed, counting the bytes really inflated against
/// the declared size (so the declared sizes, checked against the total budget, bound what is written). Files already
/// present with the entry's size are skipped, so an interrupted extraction resumes.
/// </summary>
public static class ZipExtractor
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymlink = 0xA000;

    /// <summary>The names of the archive's file entries (not folders), with '/' separators.</summary>
    public static IReadOnlyList<string> FileNames(string zipPath)
    {
        using var archive = Open(zipPath);
        return [.. archive.Entries.Where(e => !IsFolder(e)).Select(e => e.FullName.Replace('\\', '/'))];
    }

    /// <summary>
    /// Extracts the entries under <paramref name="prefix"/> (with the prefix removed) into <paramref name="destination"/>.
    /// </summary>
    public static async Task<ZipExtraction> ExtractAsync(
        string zipPath, string destination, string prefix, ZipLimits limits, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var archive = Open(zipPath);
        var name = Path.GetFileName(zipPath);
        var plan = Plan(archive, name, destination, prefix, limits);
        CreateFolder(destination);
        var extracted = 0;
        var present = 0;
        long bytes = 0;
        long done = 0;
        foreach (var (entry, target) in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var existing = new FileInfo(target);
            if (existing.Exists && existing.Length == entry.Length)
            {
                present++;
            }
            else
            {
                CreateFolder(Path.GetDirectoryName(target)!);
                bytes += await WriteEntryAsync(entry, target, name, limits, cancellationToken).ConfigureAwait(false);
                extracted++;
            }

            progress?.Report(new DownloadProgress(++done, plan.Count));
        }

        progress?.Report(new DownloadProgress(done, plan.Count, Finished: true));
        return new ZipExtraction(extracted, present, archive.Entries.Count - plan.Count, bytes);
    }

    private static ZipArchive Open(string zipPath)
    {
        try
        {
            return ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException ex)
        {
            throw new AroException($"{Path.GetFileName(zipPath)} is not a readable zip archive ({ex.Message}); delete {zipPath} and download it again", 1, ex);
        }
    }

    private static List<(ZipArchiveEntry Entry, string Target)> Plan(ZipArchive archive, string name, string destination, string prefix, ZipLimits limits)
    {
        if (archive.Entries.Count > limits.MaxEntries)
        {
            throw Unsafe(name, string.Create(CultureInfo.InvariantCulture, $"it has {archive.Entries.Count} entries, more than the {limits.MaxEntries} allowed"));
        }

        var plan = new List<(ZipArchiveEntry, string)>();
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var entryName = entry.FullName;
            if (SafeRelativePath.Normalize(entryName) is not { } normalized || SafeRelativePath.Combine(destination, normalized) is null && normalized.Length > 0)
            {
                throw Unsafe(name, $"entry '{entryName}' points outside the folder (absolute path, drive or '..')");
            }

            if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymlink)
            {
                throw Unsafe(name, $"entry '{entryName}' is a symbolic link");
            }

            if (entry.Length > limits.MaxEntryBytes)
            {
                throw Unsafe(name, string.Create(CultureInfo.InvariantCulture, $"entry '{entryName}' unpacks to {entry.Length} bytes, more than the {limits.MaxEntryBytes} allowed per file"));
            }

            // Every entry, however small: a million 1 MiB entries of zeros is a bomb made of small files.
            if (entry.Length > limits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
            {
                throw Unsafe(name, string.Create(CultureInfo.InvariantCulture, $"entry '{entryName}' is compressed {entry.Length / (double)Math.Max(entry.CompressedLength, 1):F0}:1, more than the {limits.MaxCompressionRatio}:1 allowed"));
            }

            total += entry.Length;
            if (total > limits.MaxTotalBytes)
            {
                throw Unsafe(name, string.Create(CultureInfo.InvariantCulture, $"it unpacks to more than {limits.MaxTotalBytes} bytes"));
            }

            if (IsFolder(entry) || !normalized.StartsWith(prefix, StringComparison.Ordinal) || normalized.Length == prefix.Length)
            {
                continue;
            }

            plan.Add((entry, SafeRelativePath.Combine(destination, normalized[prefix.Length..])!));
        }

        return plan;
    }

    /// <param name="entry">The entry.</param>
    /// <param name="target">Where it goes.</param>
    /// <param name="name">The archive's name, for messages.</param>
    /// <param name="limits">The limits.</param>
    /// <param name="cancellationToken">Stops the extraction.</param>
    private static async Task<long> WriteEntryAsync(ZipArchiveEntry entry, string target, string name, ZipLimits limits, CancellationToken cancellationToken)
    {
        var temp = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            long written = 0;
            await using (var input = entry.Open())
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    written += read;
                    // The central directory can lie about sizes; count what really comes out.
                    if (written > entry.Length || written > limits.MaxEntryBytes)
                    {
                        throw new AroException(
                            $"stopped unpacking {name}: entry '{entry.FullName}' unpacks to more than the {entry.Length} bytes it declares. " +
                            "Files finished before it are kept; delete the archive and download it again.");
                    }

                    try
                    {
                        await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
                    {
                        throw FileSystemErrors.ToInputError(ex, $"unpack {name} into {Path.GetDirectoryName(target)}",
                            $"{FileSystemErrors.Advice(FileSystemErrors.Classify(ex))}; files finished before '{entry.FullName}' are kept and the next run goes on from there");
                    }
                }
            }

            File.Move(temp, target, overwrite: true);
            return written;
        }
        catch (InvalidDataException ex)
        {
            throw new AroException($"{name} is damaged: entry '{entry.FullName}' cannot be unpacked ({ex.Message}); delete the archive and download it again", 1, ex);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static void CreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            throw FileSystemErrors.ToInputError(ex, $"create the folder {folder}", path: folder);
        }
    }

    private static bool IsFolder(ZipArchiveEntry entry) => entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\');

    private static AroException Unsafe(string name, string why) =>
        new($"refusing to unpack {name}: {why}. Nothing was extracted from it.");
}

/// <summary>What an extraction did.</summary>
/// <param name="Extracted">Files written.</param>
/// <param name="AlreadyPresent">Files skipped because a file of the same size was already there (an earlier, interrupted run).</param>
/// <param name="Skipped">Entries outside the requested prefix, and folders.</param>
/// <param name="Bytes">Bytes written.</param>
public sealed record ZipExtraction(int Extracted, int AlreadyPresent, int Skipped, long Bytes);
