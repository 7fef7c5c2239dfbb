using System.Diagnostics;
using Aro.Core.Download;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Download;

/// <summary>
/// Every download is bounded, with or without Content-Length: by the size the catalog pins, else by the request's
/// own cap, else by <see cref="DownloadOptions.MaxUnpinnedBytes"/>. A local server that omits Content-Length and
/// streams forever is cut at the bound, with nothing past it on disk.
/// </summary>
public sealed class DownloadBoundsTests
{
    private static readonly byte[] Chunk = FastDownloads.RandomBytes(64 * 1024);

    [Fact]
    public async Task A_server_streaming_forever_without_content_length_is_cut_at_the_pinned_size()
    {
        using var server = new LocalHttpServer(_ => HttpReply.Endless(Chunk));
        using var temp = new TempDirectory();
        var request = Request(server, temp) with { ExpectedSize = 1 << 20 };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AroException>(() => FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver()));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(
            $"download of weights.onnx stopped: the server sent more than the 1048576 bytes the catalog gives as its size (it announced no size); the partial file was deleted ({request.Url})",
            error.Message);
        Assert.False(File.Exists(request.PartPath));
        Assert.False(File.Exists(request.Destination));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_unpinned_file_is_cut_at_its_requests_cap()
    {
        using var server = new LocalHttpServer(_ => HttpReply.Endless(Chunk));
        using var temp = new TempDirectory();
        var request = Request(server, temp) with { MaxSize = 300_000 };

        var error = await Assert.ThrowsAsync<AroException>(() => FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver()));

        Assert.Contains("stopped: the server sent more than the 300000 bytes aro accepts for such a file (it announced no size)", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(request.PartPath));
    }

    [Fact]
    public async Task Without_any_cap_the_default_for_unpinned_files_applies()
    {
        using var server = new LocalHttpServer(_ => HttpReply.Endless(Chunk));
        using var temp = new TempDirectory();
        var downloader = new FileDownloader(DownloadHttp.Shared, FastDownloads.Options with { MaxUnpinnedBytes = 200_000 });

        var error = await Assert.ThrowsAsync<AroException>(() => downloader.DownloadAsync(Request(server, temp), new RecordingDownloadObserver()));

        Assert.Contains("more than the 200000 bytes aro accepts for a file whose size is not pinned", error.Message, StringComparison.Ordinal);
        Assert.Equal(8L << 30, DownloadOptions.Default.MaxUnpinnedBytes);
    }

    [Fact]
    public async Task A_size_announced_beyond_the_cap_is_refused_before_the_body()
    {
        var body = FastDownloads.RandomBytes(500_000);
        using var server = new LocalHttpServer(r => HttpReply.File(r, body));
        using var temp = new TempDirectory();
        var request = Request(server, temp) with { MaxSize = 100_000 };

        var error = await Assert.ThrowsAsync<AroException>(() => FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver()));

        Assert.Equal($"download of weights.onnx refused: the server announces 500000 bytes, more than the 100000 bytes aro accepts for such a file ({request.Url})", error.Message);
        Assert.False(File.Exists(request.PartPath));
    }

    [Fact]
    public async Task A_file_within_its_cap_arrives_whole_without_content_length()
    {
        var body = FastDownloads.RandomBytes(100_000);
        using var server = new LocalHttpServer(_ => HttpReply.Bytes(body) with { OmitContentLength = true });
        using var temp = new TempDirectory();
        var request = Request(server, temp) with { MaxSize = 100_000, ExpectedSha256 = FastDownloads.Sha256(body) };

        await FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver());

        Assert.Equal(body, await File.ReadAllBytesAsync(request.Destination));
    }

    [Fact]
    public async Task A_partial_answer_without_a_valid_content_range_is_a_clean_error()
    {
        var body = FastDownloads.RandomBytes(10_000);
        using var server = new LocalHttpServer(_ => new HttpReply(206, body)
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream", ["Content-Range"] = "bytes 4000-13999/5000" },
        });
        using var temp = new TempDirectory();
        var request = Request(server, temp);
        await File.WriteAllBytesAsync(request.PartPath, body[..4000]);

        var error = await Assert.ThrowsAsync<AroException>(() => FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver()));

        Assert.Contains("the server answered 206 Partial Content without a valid Content-Range (it sent 'bytes 4000-13999/5000')", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.False(File.Exists(request.PartPath));
    }

    [SkippableFact]
    public async Task A_full_disk_while_downloading_is_a_clean_error_that_keeps_what_arrived()
    {
        // The .part file is a link to /dev/full, which answers every write with ENOSPC: a real full disk, without root.
        Skip.IfNot(File.Exists("/dev/full"), "no /dev/full on this system");
        var body = FastDownloads.RandomBytes(200_000);
        using var server = new LocalHttpServer(r => HttpReply.File(r, body));
        using var temp = new TempDirectory();
        var request = Request(server, temp);
        File.CreateSymbolicLink(request.PartPath, "/dev/full");

        var error = await Assert.ThrowsAsync<AroInputException>(() => FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver()));

        Assert.StartsWith($"cannot write {request.PartPath} (downloading weights.onnx): the disk is full", error.Message, StringComparison.Ordinal);
        Assert.Matches("free some space, or choose a place on another disk; the [0-9]+ bytes received so far are kept there and the next run resumes from them$", error.Message);
    }

    private static FileDownloadRequest Request(LocalHttpServer server, TempDirectory temp)
    {
        Directory.CreateDirectory(temp.File("out"));
        return new(new Uri(server.BaseUrl + "/files/weights.onnx"), temp.File("out", "weights.onnx"), "weights.onnx");
    }
}
