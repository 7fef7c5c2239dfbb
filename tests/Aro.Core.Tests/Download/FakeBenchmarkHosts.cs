using System.Text;
using System.Text.Json;
using Aro.Core.Benchmarks.Aro;
using Aro.Core.Download;
using Aro.Core.Tests.Support;
using Aro.TestSupport;

namespace Aro.Core.Tests.Download;

/// <summary>
/// A local server playing every host <c>aro data pull</c> talks to, addressed through the download mirror
/// (<c>{server}/{host}/{path}</c>): Google Drive (small files via redirect, the image zip behind the virus-scan form),
/// Salesforce's storage bucket and COCO's image server. Tiny synthetic files stand in for the real ones.
/// </summary>
internal sealed class FakeBenchmarkHosts : IDisposable
{
    public static readonly string[] RelationImages = ["1.jpg", "2.jpg"];
    public static readonly string[] AttributionImages = ["2.jpg", "3.jpg"];
    public static readonly string[] CocoImages = ["val2014/COCO_val2014_000000000001.jpg", "val2014/COCO_val2014_000000000002.jpg", "val2014/COCO_val2014_000000000003.jpg"];

    private readonly HashSet<string> _brokenPaths = [];
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public FakeBenchmarkHosts()
    {
        Server = new LocalHttpServer(Answer);
    }

    public LocalHttpServer Server { get; }

    public DownloadEndpoints Endpoints => new(null, Server.BaseUrl);

    public byte[] ImagesZip { get; } = TestZip.Create(
        new[] { "1.jpg", "2.jpg", "3.jpg" }.Select(n => KeyValuePair.Create("images/" + n, FastDownloads.FakeJpeg(n[0]))));

    /// <summary>Paths (as requested, e.g. <c>/images.cocodataset.org/val2014/…</c>) that answer 404.</summary>
    public void Break(string path) => _brokenPaths.Add(path);

    public void Repair(string path) => _brokenPaths.Remove(path);

    /// <summary>Serves <paramref name="bytes"/> at <paramref name="path"/> (as requested through the mirror: <c>/{host}/{path}</c>).</summary>
    public void Serve(string path, byte[] bytes) => _files[path] = bytes;

    /// <summary>Requests for the image zip's bytes (not its warning page).</summary>
    public int ZipDownloads => Server.RequestsTo("/drive.usercontent.google.com/download").Count(r => r.QueryValue("id") == AroDataSources.VgImagesDriveId);

    public static byte[] VgJson(string[] images, bool relation) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(images.Select((image, i) => relation
        ? (object)new { image_path = image, bbox_x = 0, bbox_y = 0, bbox_w = 4, bbox_h = 4, true_caption = $"the cat is on the mat {i}", false_caption = $"the mat is on the cat {i}", relation_name = "on" }
        : new { image_path = image, bbox_x = 0, bbox_y = 0, bbox_w = 4, bbox_h = 4, true_caption = "the red cat and the blue mat", false_caption = "the blue cat and the red mat", attributes = new[] { "red", "blue" } })));

    public static byte[] KarpathyJson(IEnumerable<string> images) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(images.Select(image => new { image, caption = new[] { "a dog on a red couch", "a couch with a dog" } })));

    public void Dispose() => Server.Dispose();

    private HttpReply Answer(RecordedRequest request)
    {
        if (_brokenPaths.Contains(request.Path))
        {
            return HttpReply.NotFound();
        }

        if (_files.TryGetValue(request.Path, out var served))
        {
            return HttpReply.File(request, served);
        }

        var id = request.QueryValue("id");
        return request.Path switch
        {
            "/drive.google.com/uc" when id == AroDataSources.VgImagesDriveId => HttpReply.Html(DriveTestPages.ConfirmForm(id, AroDataSources.VgImagesZip, "u-42")),
            "/drive.google.com/uc" => HttpReply.Redirect($"/drive.usercontent.google.com/download?id={id}&export=download", 303),
            "/drive.usercontent.google.com/download" => id switch
            {
                AroDataSources.RelationDriveId => HttpReply.File(request, VgJson(RelationImages, relation: true)),
                AroDataSources.AttributionDriveId => HttpReply.File(request, VgJson(AttributionImages, relation: false)),
                AroDataSources.VgImagesDriveId when request.QueryValue("confirm") == "t" => HttpReply.File(request, ImagesZip),
                _ => HttpReply.NotFound(),
            },
            "/storage.googleapis.com/sfr-vision-language-research/datasets/coco_karpathy_test.json" => HttpReply.File(request, KarpathyJson(CocoImages)),
            "/storage.googleapis.com/sfr-vision-language-research/datasets/flickr30k_test.json" =>
                HttpReply.File(request, KarpathyJson(["flickr30k-images/1000092795.jpg", "flickr30k-images/10002456.jpg"])),
            _ when request.Path.StartsWith("/images.cocodataset.org/val2014/", StringComparison.Ordinal) => HttpReply.Bytes(FastDownloads.FakeJpeg(request.Path.Length), "image/jpeg"),
            _ => HttpReply.NotFound(),
        };
    }
}
