using System.Globalization;
using System.Text.Json;
using Aro.Core.Download;

namespace Aro.Core.Benchmarks.SugarCrepe;

/// <summary>
/// SugarCrepe's data: the subset's JSON file from the official repository's raw files, pinned to one commit with its
/// size and SHA-256, and, only when images it needs are missing, COCO's <c>val2017.zip</c> (5,000 images, about
/// 780 MB; COCO publishes no hash for it), unpacked safely into <c>val2017/</c> and then deleted unless
/// <c>--keep-archives</c>. All seven subsets share one folder, so the zip is fetched at most once.
/// </summary>
/// <param name="pins">The size and SHA-256 each file must have (the official ones by default; tests serve their own files).</param>
public sealed class SugarCrepeDataSource(Func<SugarCrepeSubset, (long? Size, string? Sha256)> pins) : IDataSource
{
    /// <summary>The commit of github.com/RAIVNLab/sugar-crepe whose <c>data/</c> files aro pins.</summary>
    public const string Commit = "0047054b243992f0fad63d6f64f7544862daf846";

    public const string RawBase = "https://raw.githubusercontent.com/RAIVNLab/sugar-crepe/" + Commit + "/data/";

    public const string ImagesZipUrl = "http://images.cocodataset.org/zips/val2017.zip";

    public const string ImagesZip = "val2017.zip";

    /// <summary>The most <see cref="ImagesZip"/> may be: COCO publishes no size or hash for it, and it is about 780 MB.</summary>
    public const long MaxImagesZipBytes = 2L << 30;

    /// <summary>The source of the registered subsets, pinned to the official files.</summary>
    public static SugarCrepeDataSource Instance { get; } = new(subset => (subset.Size, subset.Sha256));

    public async Task<DataPullResult> PullAsync(DataPullContext context, CancellationToken cancellationToken)
    {
        var subset = (SugarCrepeSubset)context.Subset;
        var folder = context.Folder;
        var (size, sha256) = pins(subset);
        var fetched = await context.FetchFileAsync(RawBase + subset.Data.MarkerFile, subset.Data.MarkerFile, DataPullContext.JsonOf(JsonValueKind.Object),
            cancellationToken, size, sha256).ConfigureAwait(false);
        var annotations = await subset.ScanAsync(folder, cancellationToken).ConfigureAwait(false);
        var missing = annotations.MissingImages(folder);
        if (missing.Count == 0)
        {
            context.Observer.Info($"{subset.Name}: all {annotations.Images.Count} images are in {Path.Combine(folder, SugarCrepeSubset.ImageFolder)}");
            return new DataPullResult(subset, folder, annotations.Cases, annotations.Images.Count, fetched);
        }

        var zip = Path.Combine(folder, ImagesZip);
        if (!File.Exists(zip))
        {
            context.Observer.Info(string.Create(CultureInfo.InvariantCulture,
                $"{subset.Name}: {missing.Count} of {annotations.Images.Count} images missing; fetching {ImagesZip} (COCO val2017, about 780 MB, shared by the seven SugarCrepe subsets)"));
            await context.Downloader.DownloadAsync(
                new FileDownloadRequest(context.Endpoints.Rewrite(ImagesZipUrl), zip, ImagesZip) { RejectHtml = true, Validate = DataPullContext.NotAZip, MaxSize = MaxImagesZipBytes },
                context.Observer, cancellationToken).ConfigureAwait(false);
        }

        return await context.UnpackMissingImagesAsync(annotations, missing, zip, SugarCrepeSubset.ImageFolder, subset.Data.MarkerFile, "needs", cancellationToken).ConfigureAwait(false);
    }
}
