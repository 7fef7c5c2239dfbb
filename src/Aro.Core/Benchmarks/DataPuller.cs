using Aro.Core.Download;

namespace Aro.Core.Benchmarks;

/// <summary>
/// <c>aro data pull SUBSET</c>: finds (or makes) the subset's data folder, locks it against a concurrent pull and
/// hands it to the subset's own <see cref="IDataSource"/>, which fetches what the folder lacks and nothing else.
/// Every file arrives under a temporary name and is renamed when complete; an interrupted pull resumes.
/// </summary>
public sealed class DataPuller(FileDownloader downloader, GoogleDriveResolver drive, ImageFetcher images, DownloadEndpoints endpoints)
{
    /// <summary>A puller on the shared HTTP client.</summary>
    public static DataPuller Create(DownloadOptions options, DownloadEndpoints endpoints)
    {
        var downloader = new FileDownloader(DownloadHttp.Shared, options);
        return new DataPuller(downloader, new GoogleDriveResolver(DownloadHttp.Shared, endpoints, options), new ImageFetcher(downloader, endpoints), endpoints);
    }

    /// <param name="subset">The subset.</param>
    /// <param name="data">The <c>--data</c> folder (a data root, or the subset's own folder), or null for the data root.</param>
    /// <param name="dataRoot">The default data root.</param>
    /// <param name="options">Whether to keep archives.</param>
    /// <param name="observer">Progress and notes.</param>
    /// <param name="cancellationToken">Stops the pull; finished files stay, partial ones resume next time.</param>
    public async Task<DataPullResult> PullAsync(
        NativeSubset subset, string? data, string dataRoot, DataPullOptions options, IDownloadObserver observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subset);
        ArgumentNullException.ThrowIfNull(observer);
        var folder = DataLocator.PullFolder(subset, data, dataRoot);
        Directory.CreateDirectory(folder);
        using var pullLock = PullLock.Acquire(Path.Combine(folder, ".aro-pull-lock"), $"into {folder}");
        var context = new DataPullContext(subset, folder, data, options, observer, downloader, drive, images, endpoints);
        return await subset.Source.PullAsync(context, cancellationToken).ConfigureAwait(false);
    }
}
