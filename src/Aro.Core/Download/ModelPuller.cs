using System.Globalization;
using Aro.Core.IO;
using Aro.Core.Models;
using Aro.Core.Perturbations;

namespace Aro.Core.Download;

/// <summary>
/// <c>aro models pull NAME</c>: downloads a catalog model's files into <c>{models}/.NAME.partial/</c> (resuming what
/// an earlier run left there), verifies each against the catalog's SHA-256, writes <c>aro-download.json</c>, then
/// renames the folder to <c>{models}/NAME</c> — so the model folder is complete or absent, never half there.
/// <para>
/// A catalog entry without a SHA-256 is verified against the hash the server publishes (Hugging Face's
/// <c>X-Linked-ETag</c> for LFS files, the git blob SHA-1 <c>ETag</c> otherwise), with a warning that it is the
/// server's word and not a pinned hash; with no hash at all the pull refuses unless <c>--allow-unverified</c>.
/// </para>
/// </summary>
public sealed class ModelPuller(FileDownloader downloader, HttpClient metadataHttp, DownloadEndpoints endpoints)
{
    /// <summary>A puller on the shared HTTP clients.</summary>
    public static ModelPuller Create(DownloadOptions options, DownloadEndpoints endpoints) =>
        new(new FileDownloader(DownloadHttp.Shared, options), DownloadHttp.NoRedirects, endpoints);

    /// <summary>The folder a model is staged in while it downloads.</summary>
    public static string StagingFolder(string modelsRoot, string name) => Path.Combine(modelsRoot, $".{name}.partial");

    public async Task<ModelPullResult> PullAsync(
        CatalogModel model, string modelsRoot, ModelPullOptions options, IDownloadObserver observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(observer);
        if (model.Download is null)
        {
            throw new AroInputException(
                $"model '{model.Name}' has no ready-made ONNX files to download; build it from its checkpoint with{Environment.NewLine}" +
                $"  {model.Export}{Environment.NewLine}" +
                $"The checkpoint: {model.Source} ({model.Homepage}). `python scripts/export_onnx.py --help` lists the options.");
        }

        var root = Path.GetFullPath(modelsRoot);
        var folder = Path.Combine(root, model.Name);
        if (Directory.Exists(folder) && !options.Force)
        {
            var missing = model.MissingFiles(folder);
            if (missing.Count == 0)
            {
                observer.Info($"{model.Name} is already installed in {folder}");
                return new ModelPullResult(folder, ModelReceipt.Read(folder), AlreadyInstalled: true);
            }

            throw new AroInputException(
                $"{folder} exists but lacks {string.Join(", ", missing)}, and it was not left by `aro models pull` (which never leaves a folder half done). " +
                $"Move it away, or run `aro models pull {model.Name} --force` to replace it.");
        }

        using var pullLock = PullLock.Acquire(Path.Combine(root, $".{model.Name}.pull-lock"), $"model '{model.Name}'");
        var staging = StagingFolder(root, model.Name);
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            throw FileSystemErrors.ToInputError(ex, $"create {staging} to download model '{model.Name}' into", "choose another models folder with ARO_MODELS", staging);
        }

        var files = new List<ModelReceiptFile>();
        foreach (var file in model.Download.Files)
        {
            files.Add(await PullFileAsync(file, staging, options, observer, cancellationToken).ConfigureAwait(false));
        }

        var receipt = new ModelReceipt(
            model.Name, model.Source, AroVersion.Current, DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), files);
        try
        {
            receipt.Write(staging);
            Install(staging, folder);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            throw FileSystemErrors.ToInputError(ex, $"install model '{model.Name}' into {folder}",
                $"{FileSystemErrors.Advice(FileSystemErrors.Classify(ex))}; the verified files stay in {staging} and the next pull installs them without downloading again");
        }
        return new ModelPullResult(folder, receipt, AlreadyInstalled: false);
    }

    private async Task<ModelReceiptFile> PullFileAsync(CatalogFile file, string staging, ModelPullOptions options, IDownloadObserver observer, CancellationToken cancellationToken)
    {
        var url = endpoints.Rewrite(file.Url);
        var target = Path.Combine(staging, file.Path);
        var request = new FileDownloadRequest(url, target, file.Path) { ExpectedSize = file.Size, RejectHtml = true };
        string verifiedAgainst;
        if (file.Sha256 is { } pinned)
        {
            request = request with { ExpectedSha256 = pinned };
            verifiedAgainst = "catalog";
        }
        else if (await ServerFileHash.ReadAsync(metadataHttp, url, downloader.Options, cancellationToken).ConfigureAwait(false) is { } server)
        {
            request = request with
            {
                ExpectedSha256 = server.Sha256,
                ExpectedGitSha1 = server.GitSha1,
                ExpectedSize = file.Size ?? server.Size,
                HashSource = server.Source,
            };
            verifiedAgainst = server.Source;
            observer.Warn(
                $"{file.Path}: the catalog pins no sha256, so it is checked against {server.Source} — the server's word, not a pinned hash " +
                $"(it catches a broken download, not a changed upstream file); the measured sha256 is recorded in {ModelReceipt.FileName}");
        }
        else if (options.AllowUnverified)
        {
            verifiedAgainst = "nothing (--allow-unverified)";
            observer.Warn($"{file.Path}: neither the catalog nor {url.Host} gives a hash; installing it UNVERIFIED (--allow-unverified); its sha256 is recorded in {ModelReceipt.FileName}");
        }
        else
        {
            throw new AroException(
                $"{file.Path}: the catalog pins no sha256 and {url.Host} sends none (no X-Linked-ETag or ETag hash), so the download cannot be verified. " +
                "Add its sha256 to the catalog, or pass --allow-unverified to install it anyway.");
        }

        if (File.Exists(target) && await MatchesAsync(request, target, cancellationToken).ConfigureAwait(false) is { } kept)
        {
            observer.Info($"{file.Path}: already downloaded (verified)");
            return new ModelReceiptFile(file.Path, file.Url, kept.Size, kept.Sha256, verifiedAgainst);
        }

        var downloaded = await downloader.DownloadAsync(request, observer, cancellationToken).ConfigureAwait(false);
        return new ModelReceiptFile(file.Path, file.Url, downloaded.Size, downloaded.Sha256, verifiedAgainst);
    }

    /// <summary>A file an earlier run finished in the staging folder, if it still matches; else it is deleted.</summary>
    private static async Task<DownloadedFile?> MatchesAsync(FileDownloadRequest request, string path, CancellationToken cancellationToken)
    {
        var size = new FileInfo(path).Length;
        var sha256 = await FileDigests.Sha256Async(path, cancellationToken).ConfigureAwait(false);
        var ok = (request.ExpectedSize is null || request.ExpectedSize == size)
            && (request.ExpectedSha256 is null || string.Equals(request.ExpectedSha256, sha256, StringComparison.OrdinalIgnoreCase))
            && (request.ExpectedGitSha1 is null || string.Equals(request.ExpectedGitSha1, await FileDigests.GitBlobSha1Async(path, cancellationToken).ConfigureAwait(false), StringComparison.OrdinalIgnoreCase));
        if (ok)
        {
            return new DownloadedFile(path, size, sha256);
        }

        File.Delete(path);
        return null;
    }

    /// <summary>Renames the finished staging folder into place, replacing an old folder only after the new one is complete.</summary>
    private static void Install(string staging, string folder)
    {
        if (!Directory.Exists(folder))
        {
            Directory.Move(staging, folder);
            return;
        }

        var old = Path.Combine(Path.GetDirectoryName(folder)!, $".{Path.GetFileName(folder)}.old-{Guid.NewGuid():N}");
        Directory.Move(folder, old);
        Directory.Move(staging, folder);
        Directory.Delete(old, recursive: true);
    }
}

/// <summary>How <c>aro models pull</c> behaves.</summary>
/// <param name="Force">Download again and replace an installed (or foreign, incomplete) model folder.</param>
/// <param name="AllowUnverified">Install a file for which neither the catalog nor the server gives a hash (its sha256 is still recorded).</param>
public sealed record ModelPullOptions(bool Force = false, bool AllowUnverified = false);

/// <summary>A model installed by <c>aro models pull</c>.</summary>
/// <param name="Folder">Its folder.</param>
/// <param name="Receipt">What was installed (null when it was already installed and nothing was fetched).</param>
/// <param name="AlreadyInstalled">True when the folder was complete and nothing was downloaded.</param>
public sealed record ModelPullResult(string Folder, ModelReceipt? Receipt, bool AlreadyInstalled);
