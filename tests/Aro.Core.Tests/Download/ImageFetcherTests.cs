using Aro.Core.Download;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Download;

/// <summary><see cref="ImageFetcher"/>: many small images, a bounded number at a time; failures reported, the rest kept; reruns fetch only what is missing.</summary>
public sealed class ImageFetcherTests
{
    private static readonly IReadOnlyList<string> Images = [.. Enumerable.Range(0, 12).Select(i => $"val2014/COCO_val2014_{i:D12}.jpg")];

    [Fact]
    public async Task Fetches_in_parallel_within_the_bound_reports_a_failing_image_and_keeps_the_others()
    {
        var active = 0;
        var peak = 0;
        var seen = 0;
        using var firstTwo = new ManualResetEventSlim();
        var broken = Images[5];
        using var server = new LocalHttpServer(r =>
        {
            var now = Interlocked.Increment(ref active);
            InterlockedMax(ref peak, now);
            var order = Interlocked.Increment(ref seen);
            if (order <= 2)
            {
                // The first two requests wait for each other: only a fetcher that really runs in parallel lets both in.
                if (order == 2)
                {
                    firstTwo.Set();
                }

                firstTwo.Wait(TimeSpan.FromSeconds(10));
            }

            Thread.Sleep(10);
            Interlocked.Decrement(ref active);
            return r.Path == "/images/" + broken ? HttpReply.NotFound() : HttpReply.Bytes(FastDownloads.FakeJpeg(r.Path.Length), "image/jpeg");
        });
        using var temp = new TempDirectory();
        var observer = new RecordingDownloadObserver();

        var result = await Fetcher().FetchAsync(Images, temp.Path, server.BaseUrl + "/images/", "coco", observer);

        var failure = Assert.Single(result.Failures);
        Assert.Equal(broken, failure.Image);
        Assert.Contains("HTTP 404", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(11, result.Downloaded);
        Assert.All(Images.Where(i => i != broken), i => Assert.True(File.Exists(temp.File(i)), i));
        Assert.False(File.Exists(temp.File(broken)));
        Assert.InRange(peak, 2, FastDownloads.Options.ParallelDownloads);
        Assert.Equal(12, observer.Progress.Last().Done);
    }

    [Fact]
    public async Task A_rerun_fetches_only_the_missing_images()
    {
        using var server = new LocalHttpServer(r => HttpReply.Bytes(FastDownloads.FakeJpeg(1), "image/jpeg"));
        using var temp = new TempDirectory();
        foreach (var image in Images.Skip(2))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temp.File(image))!);
            await File.WriteAllBytesAsync(temp.File(image), FastDownloads.FakeJpeg(2));
        }

        var result = await Fetcher().FetchAsync(Images, temp.Path, server.BaseUrl + "/images/", "coco", new RecordingDownloadObserver());

        Assert.Equal((10, 2), (result.AlreadyPresent, result.Downloaded));
        Assert.Equal(["/images/" + Images[0], "/images/" + Images[1]], server.Requests.Select(r => r.Path).Order());
    }

    [Fact]
    public async Task A_file_that_is_not_a_jpeg_is_refused_and_an_unsafe_name_is_not_fetched()
    {
        using var server = new LocalHttpServer(r => r.Path.EndsWith("bad.jpg", StringComparison.Ordinal)
            ? HttpReply.Text(200, "<html>oops</html>", "text/plain")
            : HttpReply.Bytes(FastDownloads.FakeJpeg(3), "image/jpeg"));
        using var temp = new TempDirectory();

        var result = await Fetcher().FetchAsync(["val2014/bad.jpg", "../escape.jpg", "val2014/good.jpg"], temp.Path, server.BaseUrl + "/", "coco", new RecordingDownloadObserver());

        Assert.Equal(["val2014/bad.jpg", "../escape.jpg"], result.Failures.Select(f => f.Image));
        Assert.Contains("not a JPEG", result.Failures[0].Reason, StringComparison.Ordinal);
        Assert.Contains("unsafe path", result.Failures[1].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Path.Contains("escape", StringComparison.Ordinal));
        Assert.True(File.Exists(temp.File("val2014", "good.jpg")));
        Assert.False(File.Exists(temp.File("val2014", "bad.jpg")));
    }

    private static ImageFetcher Fetcher() => new(FastDownloads.Downloader(), DownloadEndpoints.Direct);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
