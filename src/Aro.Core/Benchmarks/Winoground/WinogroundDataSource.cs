using System.Globalization;
using Aro.Core.Download;

namespace Aro.Core.Benchmarks.Winoground;

/// <summary>
/// Winoground's files from its Hugging Face dataset repository (<c>facebook/winoground</c>): <c>data/examples.jsonl</c>
/// and <c>data/images.zip</c>, unpacked into <c>images/</c> (the zip is deleted unless <c>--keep-archives</c>). The
/// dataset is gated: its page asks each user to accept its terms, and downloads need that user's access token, read
/// from <c>HF_TOKEN</c> by the command line and sent as <c>Authorization: Bearer</c> (to the Hugging Face host only;
/// redirects to its file storage carry their own signature). Without a token, or when it is refused, the pull stops
/// and says how to get access. Nothing is pinned: the repository publishes no release, so the files are checked to be
/// Winoground's (the first example parses, the zip is a zip holding the images the examples name).
/// </summary>
public sealed class WinogroundDataSource : IDataSource
{
    public const string DatasetPage = "https://huggingface.co/datasets/facebook/winoground";

    public const string ExamplesUrl = DatasetPage + "/resolve/main/data/examples.jsonl";

    public const string ImagesZipUrl = DatasetPage + "/resolve/main/data/images.zip";

    public const string ImagesZip = "images.zip";

    /// <summary>The most <see cref="ImagesZip"/> may be: it is about 370 MB, and nothing pins its size.</summary>
    public const long MaxImagesZipBytes = 2L << 30;

    public static WinogroundDataSource Instance { get; } = new();

    /// <summary>What to do to get access, for the messages of a missing or refused token.</summary>
    public static string AccessSteps(string command, string folder) =>
        $"Winoground is a gated Hugging Face dataset. To download it:{Environment.NewLine}" +
        $"  1. Sign in at huggingface.co and accept the dataset's terms on {DatasetPage}{Environment.NewLine}" +
        $"  2. Create an access token (read) at https://huggingface.co/settings/tokens{Environment.NewLine}" +
        $"  3. Run: HF_TOKEN=hf_... {command}{Environment.NewLine}" +
        $"Or put examples.jsonl and images/<name>.png (the dataset's data/ folder, images.zip unpacked) into {folder} yourself.";

    public async Task<DataPullResult> PullAsync(DataPullContext context, CancellationToken cancellationToken)
    {
        var (subset, folder) = (context.Subset, context.Folder);
        var examples = Path.Combine(folder, WinogroundSubset.ExamplesFile);
        var command = DataLocator.PullCommand(subset, context.Data);
        if (File.Exists(examples))
        {
            var present = await subset.ScanAsync(folder, cancellationToken).ConfigureAwait(false);
            if (present.MissingImages(folder).Count == 0)
            {
                context.Observer.Info($"{subset.Name}: all {present.Images.Count} images are in {Path.Combine(folder, WinogroundSubset.ImageFolder)}");
                return new DataPullResult(subset, folder, present.Cases, present.Images.Count, Fetched: false);
            }
        }

        if (context.Options.HuggingFaceToken is not { Length: > 0 } token)
        {
            throw new AroInputException($"{subset.Name}: no Hugging Face token (HF_TOKEN is not set). {AccessSteps(command, folder)}");
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Authorization"] = "Bearer " + token };
        var refused = $"The token in HF_TOKEN was refused: it may be wrong or expired, or its account has not accepted the dataset's terms yet. {AccessSteps(command, folder)}";
        var fetched = false;
        if (!File.Exists(examples))
        {
            context.Observer.Info($"{subset.Name}: fetching {WinogroundSubset.ExamplesFile} into {folder}");
            await context.Downloader.DownloadAsync(
                new FileDownloadRequest(context.Endpoints.Rewrite(ExamplesUrl), examples, WinogroundSubset.ExamplesFile)
                {
                    RejectHtml = true,
                    Validate = WinogroundSubset.CheckExamples,
                    MaxSize = DataPullContext.MaxAnnotationBytes,
                    Headers = headers,
                    AccessHelp = refused,
                },
                context.Observer, cancellationToken).ConfigureAwait(false);
            fetched = true;
        }

        var annotations = await subset.ScanAsync(folder, cancellationToken).ConfigureAwait(false);
        var missing = annotations.MissingImages(folder);
        if (missing.Count == 0)
        {
            return new DataPullResult(subset, folder, annotations.Cases, annotations.Images.Count, fetched);
        }

        var zip = Path.Combine(folder, ImagesZip);
        if (!File.Exists(zip))
        {
            context.Observer.Info(string.Create(CultureInfo.InvariantCulture,
                $"{subset.Name}: {missing.Count} of {annotations.Images.Count} images missing; fetching {ImagesZip} (about 370 MB)"));
            await context.Downloader.DownloadAsync(
                new FileDownloadRequest(context.Endpoints.Rewrite(ImagesZipUrl), zip, ImagesZip)
                {
                    RejectHtml = true,
                    Validate = DataPullContext.NotAZip,
                    MaxSize = MaxImagesZipBytes,
                    Headers = headers,
                    AccessHelp = refused,
                },
                context.Observer, cancellationToken).ConfigureAwait(false);
        }

        return await context.UnpackMissingImagesAsync(annotations, missing, zip, WinogroundSubset.ImageFolder, WinogroundSubset.ExamplesFile, "names", cancellationToken).ConfigureAwait(false);
    }
}
