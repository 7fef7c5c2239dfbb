using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.Aro;
using Aro.Core.Download;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Download;

/// <summary><see cref="DataPuller"/> against <see cref="FakeBenchmarkHosts"/>: what each subset fetches, and what it does not fetch twice.</summary>
public sealed class DataPullerTests
{
    [Fact]
    public async Task Relation_then_attribution_share_one_vg_folder_and_the_zip_is_downloaded_once()
    {
        using var hosts = new FakeBenchmarkHosts();
        using var temp = new TempDirectory();
        var puller = Puller(hosts);

        var relation = await puller.PullAsync(VgRelationSubset.Instance, temp.Path, "data", new DataPullOptions(), new RecordingDownloadObserver());
        var attribution = await puller.PullAsync(VgAttributionSubset.Instance, temp.Path, "data", new DataPullOptions(), new RecordingDownloadObserver());

        var vg = temp.File("vg");
        Assert.Equal((vg, vg), (relation.Folder, attribution.Folder));
        Assert.Equal(1, hosts.ZipDownloads);
        Assert.Single(hosts.Server.RequestsTo("/drive.google.com/uc"), r => r.QueryValue("id") == AroDataSources.VgImagesDriveId);
        Assert.All(new[] { "1.jpg", "2.jpg", "3.jpg" }, n => Assert.True(File.Exists(Path.Combine(vg, "images", n)), n));
        Assert.True(File.Exists(Path.Combine(vg, "visual_genome_relation.json")));
        Assert.True(File.Exists(Path.Combine(vg, "visual_genome_attribution.json")));
        Assert.False(File.Exists(Path.Combine(vg, AroDataSources.VgImagesZip)));
        Assert.Equal((2, 2), (relation.Cases, attribution.Cases));
        Assert.Equal(vg, DataLocator.Resolve(VgAttributionSubset.Instance, temp.Path, "data"));
        Assert.True((await DataVerifier.VerifyAsync(VgRelationSubset.Instance, temp.Path, "data", deep: false)).Complete);
    }

    [Fact]
    public async Task A_complete_subset_is_not_fetched_again_and_archives_can_be_kept()
    {
        using var hosts = new FakeBenchmarkHosts();
        using var temp = new TempDirectory();
        var puller = Puller(hosts);

        await puller.PullAsync(VgRelationSubset.Instance, temp.Path, "data", new DataPullOptions(KeepArchives: true), new RecordingDownloadObserver());
        var requests = hosts.Server.Requests.Count;
        var again = await puller.PullAsync(VgRelationSubset.Instance, temp.Path, "data", new DataPullOptions(), new RecordingDownloadObserver());

        Assert.True(File.Exists(temp.File("vg", AroDataSources.VgImagesZip)));
        Assert.False(again.Fetched);
        Assert.Equal(requests, hosts.Server.Requests.Count);
    }

    [Fact]
    public async Task Missing_images_are_unpacked_again_from_the_zip()
    {
        using var hosts = new FakeBenchmarkHosts();
        using var temp = new TempDirectory();
        var puller = Puller(hosts);
        await puller.PullAsync(VgRelationSubset.Instance, temp.Path, "data", new DataPullOptions(), new RecordingDownloadObserver());
        File.Delete(temp.File("vg", "images", "1.jpg"));

        await puller.PullAsync(VgRelationSubset.Instance, temp.Path, "data", new DataPullOptions(), new RecordingDownloadObserver());

        Assert.True(File.Exists(temp.File("vg", "images", "1.jpg")));
        Assert.Equal(2, hosts.ZipDownloads);
    }

    [Fact]
    public async Task Coco_order_fetches_the_split_and_each_image_reporting_one_that_fails_and_a_rerun_finishes()
    {
        using var hosts = new FakeBenchmarkHosts();
        using var temp = new TempDirectory();
        var broken = "/images.cocodataset.org/" + FakeBenchmarkHosts.CocoImages[1];
        hosts.Break(broken);
        var puller = Puller(hosts);

        var error = await Assert.ThrowsAsync<AroException>(() =>
            puller.PullAsync(OrderSubset.Coco, temp.Path, "data", new DataPullOptions(), new RecordingDownloadObserver()));
        hosts.Repair(broken);
        var done = await puller.PullAsync(OrderSubset.Coco, temp.Path, "data", new DataPullOptions(), new RecordingDownloadObserver());

        Assert.Equal(1, error.ExitCode);
        Assert.Contains($"1 of 3 COCO images could not be downloaded (first: {FakeBenchmarkHosts.CocoImages[1]}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("run `aro data pull coco-order --data", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, hosts.Server.RequestsTo(broken).Count);
        Assert.Single(hosts.Server.RequestsTo("/images.cocodataset.org/" + FakeBenchmarkHosts.CocoImages[0]));
        Assert.Equal((temp.File("coco-order"), 6, 3), (done.Folder, done.Cases, done.Images));
        Assert.Single(hosts.Server.RequestsTo("/storage.googleapis.com/sfr-vision-language-research/datasets/coco_karpathy_test.json"));
    }

    [Fact]
    public async Task Flickr_order_fetches_the_split_then_says_where_to_get_and_put_the_images()
    {
        using var hosts = new FakeBenchmarkHosts();
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<AroInputException>(() =>
            Puller(hosts).PullAsync(OrderSubset.Flickr, temp.Path, "data", new DataPullOptions(), new RecordingDownloadObserver()));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains(AroDataSources.FlickrForm, error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(temp.File("flickr-order"), "flickr30k-images"), error.Message, StringComparison.Ordinal);
        Assert.Contains("2 of the 2 Flickr30k images", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.File("flickr-order", "flickr30k_test.json")));
        temp.Write("flickr-order/flickr30k-images/1000092795.jpg", "x");
        temp.Write("flickr-order/flickr30k-images/10002456.jpg", "x");
        var done = await Puller(hosts).PullAsync(OrderSubset.Flickr, temp.Path, "data", new DataPullOptions(), new RecordingDownloadObserver());
        Assert.Equal(4, done.Cases);
        Assert.Single(hosts.Server.RequestsTo("/storage.googleapis.com/sfr-vision-language-research/datasets/flickr30k_test.json"));
    }

    [Fact]
    public async Task An_annotation_that_is_not_a_json_list_is_refused_and_not_kept()
    {
        using var server = new LocalHttpServer(r => HttpReply.Text(200, "{\"not\": \"a list\"}", "application/json"));
        using var temp = new TempDirectory();
        var puller = DataPuller.Create(FastDownloads.Options, new DownloadEndpoints(null, server.BaseUrl));

        var error = await Assert.ThrowsAsync<AroException>(() =>
            puller.PullAsync(OrderSubset.Coco, temp.Path, "data", new DataPullOptions(), new RecordingDownloadObserver()));

        Assert.Contains("expected a JSON list", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("coco-order", "coco_karpathy_test.json")));
    }

    private static DataPuller Puller(FakeBenchmarkHosts hosts) => DataPuller.Create(FastDownloads.Options, hosts.Endpoints);
}
