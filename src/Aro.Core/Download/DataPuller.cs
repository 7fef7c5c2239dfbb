using System.Globalization;
using System.Text.Json;
using Aro.Core.Data;

namespace Aro.Core.Download;

/// <summary>
/// <c>aro data pull SUBSET</c>: fetches what a subset's data folder lacks, and nothing else.
/// <list type="bullet">
/// <item>VG-Relation / VG-Attribution: the annotation file from the authors' Google Drive, and, only when images it
/// needs are missing, <c>vgr_vga_images.zip</c> (Drive's large-file confirm page handled), unpacked safely into
/// <c>images/</c>. Both subsets live in <c>vg/</c>, so pulling the second finds the images there and downloads no zip.</item>
/// <item>COCO-Order: the Karpathy test split, then each of its 5,000 val2014 images from images.cocodataset.org.</item>
/// <item>Flickr30k-Order: the split; the images are behind a request form, so missing ones are an error that says
/// where to get them and where to put them.</item>
/// </list>
/// Every file arrives under a temporary name and is renamed when complete; an interrupted pull resumes.
/// </summary>
public sealed class DataPuller(FileDownloader downloader, GoogleDriveResolver drive, ImageFetcher images, DownloadEndpoints endpoints)
{
    private const int NamesShown = 5;

    /// <summary>A puller on the shared HTTP client.</summary>
    public static DataPuller Create(DownloadOptions options, DownloadEndpoints endpoints)
    {
        var downloader = new FileDownloader(DownloadHttp.Shared, options);
        return new DataPuller(downloader, new GoogleDriveResolver(DownloadHttp.Shared, endpoints, options), new ImageFetcher(downloader, endpoints), endpoints);
    }

    /// <param name="subset">relation, attribution, coco-order or flickr-order.</param>
    /// <param name="data">The <c>--data</c> folder (a data root, or the subset's own folder), or null for <c>$ARO_DATA</c> / <c>data/</c>.</param>
    /// <param name="options">Whether to keep archives.</param>
    /// <param name="observer">Progress and notes.</param>
    /// <param name="cancellationToken">Stops the pull; finished files stay, partial ones resume next time.</param>
    public async Task<DataPullResult> PullAsync(
        SubsetDefinition subset, string? data, DataPullOptions options, IDownloadObserver observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subset);
        ArgumentNullException.ThrowIfNull(observer);
        var folder = DataLocator.PullFolder(subset, data);
        Directory.CreateDirectory(folder);
        using var pullLock = PullLock.Acquire(Path.Combine(folder, ".aro-pull-lock"), $"into {folder}");
        return subset.Name switch
        {
            SubsetRegistry.RelationName => await PullVgAsync(subset, folder, DataSources.RelationDriveId, options, observer, cancellationToken).ConfigureAwait(false),
            SubsetRegistry.AttributionName => await PullVgAsync(subset, folder, DataSources.AttributionDriveId, options, observer, cancellationToken).ConfigureAwait(false),
            SubsetRegistry.CocoOrderName => await PullCocoAsync(subset, folder, data, observer, cancellationToken).ConfigureAwait(false),
            SubsetRegistry.FlickrOrderName => await PullFlickrAsync(subset, folder, data, observer, cancellationToken).ConfigureAwait(false),
            _ => throw new AroInputException($"aro cannot download '{subset.Name}'; known subsets: {string.Join(", ", SubsetRegistry.All.Select(s => s.Name))}"),
        };
    }

    private async Task<DataPullResult> PullVgAsync(
        SubsetDefinition subset, string folder, string driveId, DataPullOptions options, IDownloadObserver observer, CancellationToken cancellationToken)
    {
        var annotationPath = Path.Combine(folder, subset.NativeFile!);
        var fetched = false;
        if (!File.Exists(annotationPath))
        {
            observer.Info($"{subset.Name}: fetching {subset.NativeFile} from Google Drive into {folder}");
            var url = await drive.ResolveAsync(driveId, subset.NativeFile!, annotationPath, cancellationToken).ConfigureAwait(false);
            await downloader.DownloadAsync(AnnotationRequest(url, annotationPath, subset.NativeFile!), observer, cancellationToken).ConfigureAwait(false);
            fetched = true;
        }

        var annotations = await SubsetAnnotations.ReadAsync(subset, folder, cancellationToken).ConfigureAwait(false);
        var missing = annotations.MissingImages(folder);
        if (missing.Count == 0)
        {
            observer.Info($"{subset.Name}: all {annotations.Images.Count} images are in {Path.Combine(folder, SubsetAnnotations.VgImageFolder)}");
            return new DataPullResult(subset, folder, annotations.Cases, annotations.Images.Count, fetched);
        }

        var zip = Path.Combine(folder, DataSources.VgImagesZip);
        if (!File.Exists(zip))
        {
            observer.Info(string.Create(CultureInfo.InvariantCulture,
                $"{subset.Name}: {missing.Count} of {annotations.Images.Count} images missing; fetching {DataSources.VgImagesZip} (about 1 GB, shared by relation and attribution) from Google Drive"));
            var url = await drive.ResolveAsync(DataSources.VgImagesDriveId, DataSources.VgImagesZip, zip, cancellationToken).ConfigureAwait(false);
            await downloader.DownloadAsync(new FileDownloadRequest(url, zip, DataSources.VgImagesZip) { RejectHtml = true, Validate = NotAZip, MaxSize = DataSources.MaxImageZipBytes }, observer, cancellationToken).ConfigureAwait(false);
        }

        var imageFolder = Path.Combine(folder, SubsetAnnotations.VgImageFolder);
        var wanted = missing.Select(m => m[(SubsetAnnotations.VgImageFolder.Length + 1)..]).ToList();
        var prefix = ChoosePrefix(ZipExtractor.FileNames(zip), wanted, zip);
        var extraction = await ZipExtractor.ExtractAsync(
            zip, imageFolder, prefix, ZipLimits.Default, observer.Started($"unpacking {DataSources.VgImagesZip}", null, DownloadUnit.Files), cancellationToken).ConfigureAwait(false);
        observer.Info(string.Create(CultureInfo.InvariantCulture,
            $"{subset.Name}: unpacked {extraction.Extracted} files ({extraction.AlreadyPresent} already there) into {imageFolder}"));
        missing = annotations.MissingImages(folder);
        if (missing.Count > 0)
        {
            throw new AroException(string.Create(CultureInfo.InvariantCulture,
                $"{DataSources.VgImagesZip} does not hold {missing.Count} of the {annotations.Images.Count} images {subset.NativeFile} needs (first: {First(missing)}). " +
                $"The archive was kept at {zip}; `aro data verify {subset.Name}` lists the missing images."));
        }

        if (!options.KeepArchives)
        {
            File.Delete(zip);
        }

        return new DataPullResult(subset, folder, annotations.Cases, annotations.Images.Count, Fetched: true);
    }

    private async Task<DataPullResult> PullCocoAsync(SubsetDefinition subset, string folder, string? data, IDownloadObserver observer, CancellationToken cancellationToken)
    {
        var fetched = await FetchSplitAsync(subset, folder, DataSources.CocoSplitUrl, observer, cancellationToken).ConfigureAwait(false);
        var annotations = await SubsetAnnotations.ReadAsync(subset, folder, cancellationToken).ConfigureAwait(false);
        var result = await images.FetchAsync(
            annotations.Images, folder, DataSources.CocoImagesBase, $"{subset.Name}: COCO val2014 images", observer, cancellationToken).ConfigureAwait(false);
        if (result.Failures.Count > 0)
        {
            var examples = string.Join("; ", result.Failures.Take(NamesShown).Select(f => $"{f.Image}: {f.Reason}"));
            throw new AroException(string.Create(CultureInfo.InvariantCulture,
                $"{result.Failures.Count} of {result.Total} COCO images could not be downloaded (first: {examples}). " +
                $"The other {result.Total - result.Failures.Count} are in {folder}; run `{DataLocator.PullCommand(subset, data)}` again to fetch the missing ones."));
        }

        observer.Info(string.Create(CultureInfo.InvariantCulture,
            $"{subset.Name}: {result.Downloaded} images downloaded, {result.AlreadyPresent} already there"));
        return new DataPullResult(subset, folder, annotations.Cases, annotations.Images.Count, fetched || result.Downloaded > 0);
    }

    private async Task<DataPullResult> PullFlickrAsync(SubsetDefinition subset, string folder, string? data, IDownloadObserver observer, CancellationToken cancellationToken)
    {
        var fetched = await FetchSplitAsync(subset, folder, DataSources.FlickrSplitUrl, observer, cancellationToken).ConfigureAwait(false);
        var annotations = await SubsetAnnotations.ReadAsync(subset, folder, cancellationToken).ConfigureAwait(false);
        var missing = annotations.MissingImages(folder);
        if (missing.Count > 0)
        {
            var example = Path.Combine(folder, missing[0]);
            var verify = data is null ? $"aro data verify {subset.Name}" : $"aro data verify {subset.Name} --data {data}";
            throw new AroInputException(string.Create(CultureInfo.InvariantCulture,
                $"{missing.Count} of the {annotations.Images.Count} Flickr30k images the test split needs are missing, and aro cannot download them: " +
                $"Flickr30k is given out only through a request form.{Environment.NewLine}" +
                $"  1. Request the images at {DataSources.FlickrForm} (or use a copy you already have).{Environment.NewLine}" +
                $"  2. Put them in {Path.Combine(folder, DataSources.FlickrImageFolder)}{Path.DirectorySeparatorChar} as <id>.jpg, e.g. {example}.{Environment.NewLine}" +
                $"  3. Check with `{verify}`.{Environment.NewLine}" +
                $"The split file is already in place: {annotations.AnnotationFile}. Missing (first {Math.Min(NamesShown, missing.Count)}): {First(missing)}"));
        }

        return new DataPullResult(subset, folder, annotations.Cases, annotations.Images.Count, fetched);
    }

    private async Task<bool> FetchSplitAsync(SubsetDefinition subset, string folder, string url, IDownloadObserver observer, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, subset.NativeFile!);
        if (File.Exists(path))
        {
            return false;
        }

        observer.Info($"{subset.Name}: fetching {subset.NativeFile} into {folder}");
        await downloader.DownloadAsync(AnnotationRequest(endpoints.Rewrite(url), path, subset.NativeFile!), observer, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static FileDownloadRequest AnnotationRequest(Uri url, string path, string name) =>
        new(url, path, name) { RejectHtml = true, Validate = NotAJsonList, MaxSize = DataSources.MaxAnnotationBytes };

    /// <summary>
    /// The prefix to strip from the archive's names so that they land where the annotations look: none, or the one
    /// folder the archive wraps its images in (the official zip unpacks to <c>images/</c>).
    /// </summary>
    private static string ChoosePrefix(IReadOnlyList<string> names, IReadOnlyList<string> wanted, string zip)
    {
        var inArchive = new HashSet<string>(names, StringComparer.Ordinal);
        var candidates = new List<string> { "" };
        candidates.AddRange(names.Where(n => n.Contains('/', StringComparison.Ordinal))
            .Select(n => n[..(n.IndexOf('/', StringComparison.Ordinal) + 1)]).Distinct(StringComparer.Ordinal));
        var best = candidates
            .Select(prefix => (Prefix: prefix, Hits: wanted.Count(w => inArchive.Contains(prefix + w))))
            .OrderByDescending(c => c.Hits)
            .First();
        if (best.Hits == 0)
        {
            throw new AroException(
                $"{Path.GetFileName(zip)} holds none of the missing images (e.g. '{wanted[0]}'); it was kept at {zip} for inspection. " +
                "Delete it to download it again.");
        }

        return best.Prefix;
    }

    private static string First(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? string.Create(CultureInfo.InvariantCulture, $" and {names.Count - NamesShown} more") : "");

    private static string? NotAJsonList(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.ValueKind == JsonValueKind.Array ? null : $"expected a JSON list, found a JSON {document.RootElement.ValueKind}";
        }
        catch (JsonException ex)
        {
            return $"not valid JSON ({ex.Message.Split(" Path:")[0]})";
        }
    }

    private static string? NotAZip(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.Length >= 4 && stream.Read(head) == 4 && head is [0x50, 0x4B, _, _] ? null : "not a zip archive";
    }
}
