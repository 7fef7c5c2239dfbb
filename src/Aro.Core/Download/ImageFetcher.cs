using System.Collections.Concurrent;
using Aro.Core.IO;

namespace Aro.Core.Download;

/// <summary>
/// Fetches many small images one by one (the 5,000 COCO val2014 test images instead of the 6 GB zip), a bounded
/// number at a time. Images already present and valid are skipped, so a rerun fetches only what is missing; one
/// image that fails is reported and the others are kept. Each image is checked for its announced size and for a
/// JPEG signature before it gets its final name (COCO publishes no per-image hashes; <c>aro data verify --deep</c>
/// decodes them all).
/// </summary>
public sealed class ImageFetcher(FileDownloader downloader, DownloadEndpoints endpoints)
{
    /// <param name="images">Image paths relative to <paramref name="folder"/>, also their path under <paramref name="baseUrl"/>.</param>
    /// <param name="folder">Where the images go.</param>
    /// <param name="baseUrl">Where they come from (ends with '/').</param>
    /// <param name="label">The progress label.</param>
    /// <param name="observer">Progress (one count over all images) and notes.</param>
    /// <param name="cancellationToken">Stops fetching; finished images stay.</param>
    public async Task<ImageFetchResult> FetchAsync(
        IReadOnlyList<string> images, string folder, string baseUrl, string label, IDownloadObserver observer, CancellationToken cancellationToken = default)
    {
        var failures = new ConcurrentBag<(int Index, ImageFetchFailure Failure)>();
        var todo = new List<(int Index, string Image, string Target)>();
        var present = 0;
        for (var i = 0; i < images.Count; i++)
        {
            if (SafeRelativePath.Combine(folder, images[i]) is not { } target)
            {
                failures.Add((i, new ImageFetchFailure(images[i], "unsafe path (absolute or with '..'); not fetched")));
            }
            else if (IsValidJpeg(target) is null)
            {
                present++;
            }
            else
            {
                todo.Add((i, images[i], target));
            }
        }

        var progress = observer.Started(label, images.Count, DownloadUnit.Files);
        var done = present;
        var downloaded = 0;
        progress.Report(new DownloadProgress(done, images.Count));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, downloader.Options.ParallelDownloads), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(todo, parallel, async (item, token) =>
        {
            var request = new FileDownloadRequest(endpoints.Rewrite(baseUrl + item.Image), item.Target, item.Image)
            {
                RejectHtml = true,
                Validate = IsValidJpeg,

                // Larger images are refused when read anyway.
                MaxSize = Imaging.ImageFiles.MaxBytes,
            };
            try
            {
                await downloader.DownloadAsync(request, SilentDownloadObserver.Instance, token).ConfigureAwait(false);
                Interlocked.Increment(ref downloaded);
            }
            catch (AroException ex)
            {
                failures.Add((item.Index, new ImageFetchFailure(item.Image, ex.Message)));
            }

            progress.Report(new DownloadProgress(Interlocked.Increment(ref done), images.Count));
        }).ConfigureAwait(false);
        progress.Report(new DownloadProgress(done, images.Count, Finished: true));
        return new ImageFetchResult(images.Count, present, downloaded, [.. failures.OrderBy(f => f.Index).Select(f => f.Failure)]);
    }

    /// <summary>Null when <paramref name="path"/> is a non-empty file starting with a JPEG signature, else what is wrong.</summary>
    public static string? IsValidJpeg(string path)
    {
        if (RegularFile.KindOf(path) is var kind and not (FileKind.Regular or FileKind.Unknown))
        {
            // A FIFO or device where an image belongs would block or never end; fetching replaces it.
            return kind == FileKind.Missing ? "missing" : $"is {RegularFile.Describe(kind)}, not a regular file";
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return "missing";
        }

        if (info.Length < 4)
        {
            return $"only {info.Length} bytes";
        }

        Span<byte> head = stackalloc byte[3];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16))
        {
            stream.ReadExactly(head);
        }

        return head is [0xFF, 0xD8, 0xFF] ? null : "not a JPEG (no JPEG signature at the start)";
    }
}

/// <summary>An image that could not be fetched, and why.</summary>
public sealed record ImageFetchFailure(string Image, string Reason);

/// <summary>What a run of <see cref="ImageFetcher"/> did.</summary>
/// <param name="Total">Images asked for.</param>
/// <param name="AlreadyPresent">Images already there and valid (nothing fetched).</param>
/// <param name="Downloaded">Images fetched now.</param>
/// <param name="Failures">Images that could not be fetched; the others are kept.</param>
public sealed record ImageFetchResult(int Total, int AlreadyPresent, int Downloaded, IReadOnlyList<ImageFetchFailure> Failures);
