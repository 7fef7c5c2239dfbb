using System.Globalization;
using System.Text.Json;

namespace Aro.Core.Benchmarks.Aro;

/// <summary>
/// A Karpathy test split as Salesforce BLIP publishes it, then its images: COCO's 5,000 val2014 test images one by one
/// from images.cocodataset.org (instead of the 6 GB zip); Flickr30k's only through a request form, so missing ones
/// are an error that says where to get them and where to put them. Shared by every subset read from these splits.
/// </summary>
public sealed class KarpathyDataSource(KarpathyDataSource.Split split) : IDataSource
{
    /// <summary>COCO: the split, then each image from COCO's server.</summary>
    public static Split Coco { get; } = new(AroDataSources.CocoSplitUrl, AroDataSources.CocoImagesBase);

    /// <summary>Flickr30k: the split; the images are the user's to obtain.</summary>
    public static Split Flickr { get; } = new(AroDataSources.FlickrSplitUrl, null);

    public async Task<DataPullResult> PullAsync(DataPullContext context, CancellationToken cancellationToken)
    {
        var (subset, folder) = (context.Subset, context.Folder);
        var fetched = await context.FetchFileAsync(split.Url, subset.Data.MarkerFile, DataPullContext.JsonOf(JsonValueKind.Array), cancellationToken).ConfigureAwait(false);
        var annotations = await subset.ScanAsync(folder, cancellationToken).ConfigureAwait(false);
        if (split.ImagesBase is { } imagesBase)
        {
            var result = await context.Images.FetchAsync(
                annotations.Images, folder, imagesBase, $"{subset.Name}: COCO val2014 images", context.Observer, cancellationToken).ConfigureAwait(false);
            if (result.Failures.Count > 0)
            {
                var examples = string.Join("; ", result.Failures.Take(5).Select(f => $"{f.Image}: {f.Reason}"));
                throw new AroException(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Failures.Count} of {result.Total} COCO images could not be downloaded (first: {examples}). " +
                    $"The other {result.Total - result.Failures.Count} are in {folder}; run `{DataLocator.PullCommand(subset, context.Data)}` again to fetch the missing ones."));
            }

            context.Observer.Info(string.Create(CultureInfo.InvariantCulture,
                $"{subset.Name}: {result.Downloaded} images downloaded, {result.AlreadyPresent} already there"));
            return new DataPullResult(subset, folder, annotations.Cases, annotations.Images.Count, fetched || result.Downloaded > 0);
        }

        var missing = annotations.MissingImages(folder);
        if (missing.Count > 0)
        {
            var example = Path.Combine(folder, missing[0]);
            var verify = context.Data is null ? $"aro data verify {subset.Name}" : $"aro data verify {subset.Name} --data {context.Data}";
            throw new AroInputException(string.Create(CultureInfo.InvariantCulture,
                $"{missing.Count} of the {annotations.Images.Count} Flickr30k images the test split needs are missing, and aro cannot download them: " +
                $"Flickr30k is given out only through a request form.{Environment.NewLine}" +
                $"  1. Request the images at {AroDataSources.FlickrForm} (or use a copy you already have).{Environment.NewLine}" +
                $"  2. Put them in {Path.Combine(folder, AroDataSources.FlickrImageFolder)}{Path.DirectorySeparatorChar} as <id>.jpg, e.g. {example}.{Environment.NewLine}" +
                $"  3. Check with `{verify}`.{Environment.NewLine}" +
                $"The split file is already in place: {annotations.AnnotationFile}. Missing (first {Math.Min(5, missing.Count)}): {DataPullContext.First(missing)}"));
        }

        return new DataPullResult(subset, folder, annotations.Cases, annotations.Images.Count, fetched);
    }

    /// <summary>Where a split file and its images come from.</summary>
    /// <param name="Url">The split file.</param>
    /// <param name="ImagesBase">The image server (the split's image paths go after it), or null when images cannot be downloaded.</param>
    public sealed record Split(string Url, string? ImagesBase);
}
