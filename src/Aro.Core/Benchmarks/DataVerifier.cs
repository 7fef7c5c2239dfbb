using System.Collections.Concurrent;
using Aro.Core.IO;
using Aro.Core.Imaging;

namespace Aro.Core.Benchmarks;

/// <summary>
/// Checks that a subset's data is complete: the annotation file is there and parses, its case count (compared with
/// the official files' by the caller), every image it needs exists and, with <c>deep</c>, decodes (and lies inside the
/// data folder, as <c>aro eval</c> requires unless <c>allowOutsideData</c>).
/// </summary>
public static class DataVerifier
{
    public static async Task<DataVerification> VerifyAsync(
        NativeSubset subset, string? data, string dataRoot, bool deep, bool allowOutsideData = false,
        IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subset);
        var folder = DataLocator.TryResolve(subset, data, dataRoot);
        if (folder is null)
        {
            var expected = DataLocator.PullFolder(subset, data, dataRoot);
            return new DataVerification(subset, expected, null, $"annotation file not found: expected {DataLocator.Expected(subset, data, dataRoot)}", 0, 0, [], [], deep);
        }

        SubsetAnnotations annotations;
        try
        {
            annotations = await subset.ScanAsync(folder, cancellationToken).ConfigureAwait(false);
        }
        catch (AroInputException ex)
        {
            return new DataVerification(subset, folder, Path.Combine(folder, subset.Data.MarkerFile), ex.Message, 0, 0, [], [], deep);
        }

        var missing = annotations.MissingImages(folder);
        var undecodable = deep ? Decode(annotations.Images.Except(missing).ToList(), folder, allowOutsideData, progress, cancellationToken) : [];
        return new DataVerification(subset, folder, annotations.AnnotationFile, null, annotations.Cases, annotations.Images.Count, missing, undecodable, deep);
    }

    private static List<(string, string)> Decode(List<string> images, string folder, bool allowOutsideData, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var loader = new ImageLoader();
        var guard = DataFolderGuard.For([folder], allowOutsideData);
        var failures = new ConcurrentBag<(int Index, string Image, string Reason)>();
        var done = 0;
        Parallel.For(0, images.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                // As aro eval does: without --allow-outside-data an image that resolves outside the data folder is
                // reported, not opened.
                var path = Path.Combine(folder, images[i]);
                if (guard?.Problem(path) is { } outside)
                {
                    failures.Add((i, images[i], outside));
                }
                else
                {
                    loader.Load(path);
                }
            }
            catch (ImageLoadException ex)
            {
                failures.Add((i, images[i], ex.Problem));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures.Add((i, images[i], ex.Message));
            }

            progress?.Report((Interlocked.Increment(ref done), images.Count));
        });
        return [.. failures.OrderBy(f => f.Index).Select(f => (f.Image, f.Reason))];
    }
}
