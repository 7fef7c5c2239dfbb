using System.Globalization;
using System.Text.Json;
using Aro.Core.Download;

namespace Aro.Core.Benchmarks.Aro;

/// <summary>
/// VG-Relation / VG-Attribution: the annotation file from the authors' Google Drive, and, only when images it needs
/// are missing, <c>vgr_vga_images.zip</c> (Drive's large-file confirm page handled), unpacked safely into
/// <c>images/</c>. Both subsets live in <c>vg/</c>, so pulling the second finds the images there and downloads no zip.
/// </summary>
public sealed class VgDataSource(string annotationDriveId) : IDataSource
{
    public async Task<DataPullResult> PullAsync(DataPullContext context, CancellationToken cancellationToken)
    {
        var (subset, folder, observer) = (context.Subset, context.Folder, context.Observer);
        var annotationFile = subset.Data.MarkerFile;
        var annotationPath = Path.Combine(folder, annotationFile);
        var fetched = false;
        if (!File.Exists(annotationPath))
        {
            observer.Info($"{subset.Name}: fetching {annotationFile} from Google Drive into {folder}");
            var url = await context.Drive.ResolveAsync(annotationDriveId, annotationFile, annotationPath, cancellationToken).ConfigureAwait(false);
            await context.Downloader.DownloadAsync(
                new FileDownloadRequest(url, annotationPath, annotationFile) { RejectHtml = true, Validate = DataPullContext.JsonOf(JsonValueKind.Array), MaxSize = DataPullContext.MaxAnnotationBytes },
                observer, cancellationToken).ConfigureAwait(false);
            fetched = true;
        }

        var annotations = await subset.ScanAsync(folder, cancellationToken).ConfigureAwait(false);
        var missing = annotations.MissingImages(folder);
        if (missing.Count == 0)
        {
            observer.Info($"{subset.Name}: all {annotations.Images.Count} images are in {Path.Combine(folder, VgSubset.ImageFolder)}");
            return new DataPullResult(subset, folder, annotations.Cases, annotations.Images.Count, fetched);
        }

        var zip = Path.Combine(folder, AroDataSources.VgImagesZip);
        if (!File.Exists(zip))
        {
            observer.Info(string.Create(CultureInfo.InvariantCulture,
                $"{subset.Name}: {missing.Count} of {annotations.Images.Count} images missing; fetching {AroDataSources.VgImagesZip} (about 1 GB, shared by relation and attribution) from Google Drive"));
            var url = await context.Drive.ResolveAsync(AroDataSources.VgImagesDriveId, AroDataSources.VgImagesZip, zip, cancellationToken).ConfigureAwait(false);
            await context.Downloader.DownloadAsync(
                new FileDownloadRequest(url, zip, AroDataSources.VgImagesZip) { RejectHtml = true, Validate = DataPullContext.NotAZip, MaxSize = AroDataSources.MaxImageZipBytes }, observer, cancellationToken).ConfigureAwait(false);
        }

        return await context.UnpackMissingImagesAsync(annotations, missing, zip, VgSubset.ImageFolder, annotationFile, "needs", cancellationToken).ConfigureAwait(false);
    }
}
