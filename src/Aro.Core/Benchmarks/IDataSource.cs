using System.Globalization;
using System.Text.Json;
using Aro.Core.Download;

namespace Aro.Core.Benchmarks;

/// <summary>Where <c>aro data pull</c> gets one subset's data from, and how: each benchmark folder has its own.</summary>
public interface IDataSource
{
    /// <summary>Fetches what <see cref="DataPullContext.Folder"/> lacks, and nothing else.</summary>
    Task<DataPullResult> PullAsync(DataPullContext context, CancellationToken cancellationToken);
}

/// <summary>What a data source works with: the subset, its folder, the download machinery and the observer.</summary>
/// <param name="Subset">The subset being pulled.</param>
/// <param name="Folder">Its data folder (created; locked against a concurrent pull).</param>
/// <param name="Data">The <c>--data</c> argument, for the commands that messages suggest.</param>
/// <param name="Options">Whether to keep archives.</param>
/// <param name="Observer">Progress and notes.</param>
/// <param name="Downloader">Single files, resumable and verified.</param>
/// <param name="Drive">Google Drive's confirm-page handling.</param>
/// <param name="Images">Many small images, a bounded number at a time.</param>
/// <param name="Endpoints">Mirrors.</param>
public sealed record DataPullContext(
    NativeSubset Subset,
    string Folder,
    string? Data,
    DataPullOptions Options,
    IDownloadObserver Observer,
    FileDownloader Downloader,
    GoogleDriveResolver Drive,
    ImageFetcher Images,
    DownloadEndpoints Endpoints)
{
    private const int NamesShown = 5;

    /// <summary>The most an annotation file may be when no size is pinned (the largest official one, COCO's split, is 8 MB).</summary>
    public const long MaxAnnotationBytes = 1L << 30;

    /// <summary>Fetches <paramref name="url"/> to <paramref name="name"/> in the folder unless it is already there; true when it downloaded.</summary>
    public async Task<bool> FetchFileAsync(string url, string name, Func<string, string?> validate, CancellationToken cancellationToken,
        long? expectedSize = null, string? expectedSha256 = null)
    {
        var path = Path.Combine(Folder, name);
        if (File.Exists(path))
        {
            return false;
        }

        Observer.Info($"{Subset.Name}: fetching {name} into {Folder}");
        var request = new FileDownloadRequest(Endpoints.Rewrite(url), path, name)
        {
            RejectHtml = true,
            Validate = validate,
            ExpectedSize = expectedSize,
            ExpectedSha256 = expectedSha256,
            MaxSize = expectedSize is null ? MaxAnnotationBytes : null,
            HashSource = "aro's data sources",
        };
        await Downloader.DownloadAsync(request, Observer, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Unpacks from <paramref name="zip"/> into <paramref name="imageFolder"/> the entries that land where <paramref name="wanted"/> names say.</summary>
    public async Task<ZipExtraction> UnpackAsync(string zip, string imageFolder, IReadOnlyList<string> wanted, CancellationToken cancellationToken)
    {
        var prefix = ChoosePrefix(ZipExtractor.FileNames(zip), wanted, zip);
        return await ZipExtractor.ExtractAsync(
            zip, imageFolder, prefix, ZipLimits.Default, Observer.Started($"unpacking {Path.GetFileName(zip)}", null, DownloadUnit.Files), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The last step of every image pull: unpacks the <paramref name="missing"/> images of <paramref name="annotations"/>
    /// from <paramref name="zip"/> into <paramref name="imageFolderName"/>, refuses an archive that does not hold them
    /// all (kept for inspection), and deletes the archive unless <see cref="DataPullOptions.KeepArchives"/>.
    /// </summary>
    /// <param name="annotationName">The file that names the images, for the message.</param>
    /// <param name="verb">How that file relates to them ("needs", "names"), for the message.</param>
    public async Task<DataPullResult> UnpackMissingImagesAsync(
        SubsetAnnotations annotations, IReadOnlyList<string> missing, string zip, string imageFolderName, string annotationName, string verb,
        CancellationToken cancellationToken)
    {
        var imageFolder = Path.Combine(Folder, imageFolderName);
        var wanted = missing.Select(m => m[(imageFolderName.Length + 1)..]).ToList();
        var extraction = await UnpackAsync(zip, imageFolder, wanted, cancellationToken).ConfigureAwait(false);
        Observer.Info(string.Create(CultureInfo.InvariantCulture,
            $"{Subset.Name}: unpacked {extraction.Extracted} files ({extraction.AlreadyPresent} already there) into {imageFolder}"));
        var stillMissing = annotations.MissingImages(Folder);
        if (stillMissing.Count > 0)
        {
            throw new AroException(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(zip)} does not hold {stillMissing.Count} of the {annotations.Images.Count} images {annotationName} {verb} (first: {First(stillMissing)}). " +
                $"The archive was kept at {zip}; `aro data verify {Subset.Name}` lists the missing images."));
        }

        if (!Options.KeepArchives)
        {
            File.Delete(zip);
        }

        return new DataPullResult(Subset, Folder, annotations.Cases, annotations.Images.Count, Fetched: true);
    }

    /// <summary>A few names for a message, and how many more there are.</summary>
    public static string First(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? string.Create(CultureInfo.InvariantCulture, $" and {names.Count - NamesShown} more") : "");

    /// <summary>A validator for annotation files: they must parse as JSON of <paramref name="kind"/> (a list, an object).</summary>
    public static Func<string, string?> JsonOf(JsonValueKind kind) => path =>
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.ValueKind == kind ? null : $"expected a JSON {Describe(kind)}, found a JSON {document.RootElement.ValueKind}";
        }
        catch (JsonException ex)
        {
            return $"not valid JSON ({ex.Message.Split(" Path:")[0]})";
        }
    };

    /// <summary>A validator for zip archives (the signature of their first entry).</summary>
    public static string? NotAZip(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.Length >= 4 && stream.Read(head) == 4 && head is [0x50, 0x4B, _, _] ? null : "not a zip archive";
    }

    private static string Describe(JsonValueKind kind) => kind == JsonValueKind.Array ? "list" : kind.ToString().ToLowerInvariant();

    /// <summary>
    /// The prefix to strip from the archive's names so that they land where the annotations look: none, or the one
    /// folder the archive wraps its images in (the official VG zip unpacks to <c>images/</c>, COCO's to <c>val2017/</c>).
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
}
