using Aro.Core.Download;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Download;

/// <summary><see cref="FileDownloader"/> against a local server: resume, dropped connections, Range ignored, hashes, errors, retries.</summary>
public sealed class FileDownloaderTests
{
    private static readonly byte[] Content = FastDownloads.RandomBytes(300_000);

    [Fact]
    public async Task Downloads_verifies_and_renames_leaving_no_part_file()
    {
        using var server = new LocalHttpServer(r => HttpReply.File(r, Content));
        using var temp = new TempDirectory();
        var request = Request(server, temp) with { ExpectedSize = Content.Length, ExpectedSha256 = FastDownloads.Sha256(Content) };

        var file = await FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver());

        Assert.Equal(Content, await File.ReadAllBytesAsync(request.Destination));
        Assert.Equal(FastDownloads.Sha256(Content), file.Sha256);
        Assert.False(File.Exists(request.PartPath));
        Assert.Null(Assert.Single(server.Requests).RangeStart);
    }

    [Fact]
    public async Task Resumes_a_part_file_with_a_range_request()
    {
        using var server = new LocalHttpServer(r => HttpReply.File(r, Content));
        using var temp = new TempDirectory();
        var request = Request(server, temp) with { ExpectedSha256 = FastDownloads.Sha256(Content) };
        await File.WriteAllBytesAsync(request.PartPath, Content[..123_456]);

        await FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver());

        Assert.Equal(123_456, Assert.Single(server.Requests).RangeStart);
        Assert.Equal(Content, await File.ReadAllBytesAsync(request.Destination));
        Assert.False(File.Exists(request.PartPath));
    }

    [Fact]
    public async Task A_connection_dropped_mid_file_is_resumed_where_it_broke()
    {
        var calls = 0;
        using var server = new LocalHttpServer(r =>
            Interlocked.Increment(ref calls) == 1 ? HttpReply.File(r, Content) with { DropAfter = 100_000 } : HttpReply.File(r, Content));
        using var temp = new TempDirectory();
        var observer = new RecordingDownloadObserver();
        var request = Request(server, temp) with { ExpectedSize = Content.Length, ExpectedSha256 = FastDownloads.Sha256(Content) };

        await FastDownloads.Downloader().DownloadAsync(request, observer);

        var requests = server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].RangeStart);
        Assert.Equal(100_000, requests[1].RangeStart);
        Assert.Equal(Content, await File.ReadAllBytesAsync(request.Destination));
        Assert.Contains(observer.Infos, m => m.Contains("connection broke after 100000 of 300000 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_ignores_range_restarts_the_file_from_zero()
    {
        using var server = new LocalHttpServer(r => HttpReply.File(r, Content, honourRange: false));
        using var temp = new TempDirectory();
        var observer = new RecordingDownloadObserver();
        var request = Request(server, temp) with { ExpectedSha256 = FastDownloads.Sha256(Content) };
        await File.WriteAllBytesAsync(request.PartPath, Content[..50_000]);

        await FastDownloads.Downloader().DownloadAsync(request, observer);

        Assert.Equal(50_000, Assert.Single(server.Requests).RangeStart);
        Assert.Equal(Content, await File.ReadAllBytesAsync(request.Destination));
        Assert.Contains(observer.Infos, m => m.Contains("ignored the Range request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_checksum_deletes_the_file_and_names_file_expected_and_found()
    {
        using var server = new LocalHttpServer(r => HttpReply.File(r, Content));
        using var temp = new TempDirectory();
        var wrong = new string('0', 64);
        var request = Request(server, temp) with { ExpectedSha256 = wrong };

        var error = await Assert.ThrowsAsync<AroException>(() => FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver()));

        Assert.Equal(1, error.ExitCode);
        Assert.Contains("checksum mismatch for weights.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains($"expected sha256 {wrong}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"found {FastDownloads.Sha256(Content)}", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(request.Destination));
        Assert.False(File.Exists(request.PartPath));
    }

    [Fact]
    public async Task A_404_fails_at_once_naming_status_and_url()
    {
        using var server = new LocalHttpServer(_ => HttpReply.NotFound());
        using var temp = new TempDirectory();
        var request = Request(server, temp);

        var error = await Assert.ThrowsAsync<AroException>(() => FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver()));

        Assert.Equal(1, error.ExitCode);
        Assert.Contains("HTTP 404 Not Found", error.Message, StringComparison.Ordinal);
        Assert.Contains(server.BaseUrl + "/files/weights.onnx", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.False(File.Exists(request.Destination));
    }

    [Fact]
    public async Task Transient_errors_are_retried_then_succeed()
    {
        var calls = 0;
        using var server = new LocalHttpServer(r =>
            Interlocked.Increment(ref calls) <= 2 ? HttpReply.Text(503, "busy") : HttpReply.File(r, Content));
        using var temp = new TempDirectory();
        var observer = new RecordingDownloadObserver();

        await FastDownloads.Downloader().DownloadAsync(Request(server, temp), observer);

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, observer.Infos.Count(m => m.Contains("HTTP 503", StringComparison.Ordinal) && m.Contains("retrying", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Retries_are_bounded()
    {
        using var server = new LocalHttpServer(_ => HttpReply.Text(503, "busy"));
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<AroException>(() => FastDownloads.Downloader().DownloadAsync(Request(server, temp), new RecordingDownloadObserver()));

        Assert.Equal(FastDownloads.Options.MaxRetries + 1, server.Requests.Count);
        Assert.Contains($"failed after {FastDownloads.Options.MaxRetries + 1} attempt(s): HTTP 503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_that_keeps_dropping_keeps_what_arrived_for_the_next_run()
    {
        using var server = new LocalHttpServer(r => HttpReply.File(r, Content) with { DropAfter = 0 });
        using var temp = new TempDirectory();
        var request = Request(server, temp);
        await File.WriteAllBytesAsync(request.PartPath, Content[..10]);

        var error = await Assert.ThrowsAsync<AroException>(() => FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver()));

        Assert.Contains("run the command again to resume", error.Message, StringComparison.Ordinal);
        Assert.Equal(Content[..10], await File.ReadAllBytesAsync(request.PartPath));
    }

    [Fact]
    public async Task A_web_page_instead_of_the_file_is_refused()
    {
        using var server = new LocalHttpServer(_ => HttpReply.Html("<html>sign in</html>"));
        using var temp = new TempDirectory();
        var request = Request(server, temp) with { RejectHtml = true };

        var error = await Assert.ThrowsAsync<AroException>(() => FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver()));

        Assert.Contains("answered a web page instead of the file", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(request.Destination));
    }

    [Fact]
    public async Task A_size_other_than_the_catalog_says_is_an_error()
    {
        using var server = new LocalHttpServer(r => HttpReply.File(r, Content));
        using var temp = new TempDirectory();
        var request = Request(server, temp) with { ExpectedSize = 1234 };

        var error = await Assert.ThrowsAsync<AroException>(() => FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver()));

        Assert.Contains("the server sends 300000 bytes, the catalog says 1234", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complete_part_file_is_finished_without_downloading_again()
    {
        using var server = new LocalHttpServer(r => HttpReply.File(r, Content));
        using var temp = new TempDirectory();
        var request = Request(server, temp) with { ExpectedSha256 = FastDownloads.Sha256(Content) };
        await File.WriteAllBytesAsync(request.PartPath, Content);

        await FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver());

        // Without a known size the server is asked; its 416 says the part file already holds everything.
        Assert.Equal(Content.Length, Assert.Single(server.Requests).RangeStart);
        Assert.Equal(Content, await File.ReadAllBytesAsync(request.Destination));
    }

    [Fact]
    public async Task A_failed_content_check_deletes_the_file()
    {
        using var server = new LocalHttpServer(r => HttpReply.File(r, Content));
        using var temp = new TempDirectory();
        var request = Request(server, temp) with { Validate = _ => "not what we wanted" };

        var error = await Assert.ThrowsAsync<AroException>(() => FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver()));

        Assert.Contains("is not usable: not what we wanted", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(request.Destination));
        Assert.False(File.Exists(request.PartPath));
    }

    private static FileDownloadRequest Request(LocalHttpServer server, TempDirectory temp)
    {
        Directory.CreateDirectory(temp.File("out"));
        return new(new Uri(server.BaseUrl + "/files/weights.onnx"), temp.File("out", "weights.onnx"), "weights.onnx");
    }
}
