using Aro.Core.Benchmarks.Aro;
using Aro.Core.Download;
using Aro.TestSupport;

namespace Aro.Cli.Tests.Support;

/// <summary>
/// A local server, reached through ARO_DOWNLOAD_MIRROR, that serves the demo data as if it were the real sources:
/// the demo VG annotation files from "Google Drive" (the image zip behind the virus-scan page), the demo Karpathy split
/// from "storage.googleapis.com" (with images under val2014/) and its images from "images.cocodataset.org".
/// </summary>
public sealed class DemoHosts : IDisposable
{
    private static readonly string Demo = RepoPaths.InRepo("data", "demo");
    private readonly byte[] _zip = TestZip.OfFolder(Path.Combine(Demo, "images"), "images/");
    private readonly byte[] _coco;

    public DemoHosts(string? brokenCocoImage = null)
    {
        // The demo split's JPEG records (COCO has no PNGs), named val2014/… as COCO's split names them.
        using var split = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Demo, "coco_karpathy_test.json")));
        var records = split.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("image").GetString()!.EndsWith(".jpg", StringComparison.Ordinal))
            .Select(r => new { image = r.GetProperty("image").GetString()!.Replace("images/", "val2014/", StringComparison.Ordinal), caption = r.GetProperty("caption") });
        _coco = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(records);
        BrokenCocoImage = brokenCocoImage;
        Server = new LocalHttpServer(Answer);
    }

    public LocalHttpServer Server { get; }

    public string? BrokenCocoImage { get; }

    public EnvironmentScope Environment() => new((DownloadEndpoints.MirrorVariable, Server.BaseUrl), (DownloadEndpoints.HuggingFaceVariable, Server.BaseUrl));

    public void Dispose() => Server.Dispose();

    private HttpReply Answer(RecordedRequest request)
    {
        var id = request.QueryValue("id");
        if (request.Path == "/drive.google.com/uc")
        {
            return id == AroDataSources.VgImagesDriveId
                ? HttpReply.Html(DriveTestPages.ConfirmForm(id, AroDataSources.VgImagesZip, "demo"))
                : HttpReply.Redirect($"/drive.usercontent.google.com/download?id={id}&export=download", 303);
        }

        if (request.Path == "/drive.usercontent.google.com/download")
        {
            return id switch
            {
                AroDataSources.RelationDriveId => HttpReply.File(request, File.ReadAllBytes(Path.Combine(Demo, "visual_genome_relation.json"))),
                AroDataSources.AttributionDriveId => HttpReply.File(request, File.ReadAllBytes(Path.Combine(Demo, "visual_genome_attribution.json"))),
                AroDataSources.VgImagesDriveId => HttpReply.File(request, _zip),
                _ => HttpReply.NotFound(),
            };
        }

        if (request.Path.EndsWith("/coco_karpathy_test.json", StringComparison.Ordinal))
        {
            return HttpReply.File(request, _coco);
        }

        if (request.Path.EndsWith("/flickr30k_test.json", StringComparison.Ordinal))
        {
            return HttpReply.File(request, "[{\"image\": \"flickr30k-images/1000092795.jpg\", \"caption\": [\"two men in green shirts\"]}]"u8.ToArray());
        }

        const string coco = "/images.cocodataset.org/val2014/";
        if (request.Path.StartsWith(coco, StringComparison.Ordinal))
        {
            var name = request.Path[coco.Length..];
            var file = Path.Combine(Demo, "images", name);
            return name == BrokenCocoImage || !File.Exists(file) ? HttpReply.NotFound() : HttpReply.Bytes(File.ReadAllBytes(file), "image/jpeg");
        }

        return HttpReply.NotFound();
    }
}
