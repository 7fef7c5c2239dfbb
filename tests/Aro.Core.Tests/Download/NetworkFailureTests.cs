using System.Diagnostics;
using Aro.Core.Download;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Download;

/// <summary>
/// Failures that no retry fixes end at once with a message that says what to do: a host name that does not resolve
/// (names under <c>.invalid</c> never do, RFC 2606, so no network is needed) and a redirect to a scheme other than
/// http(s).
/// </summary>
public sealed class NetworkFailureTests
{
    private const string Nowhere = "http://files.aro-test.invalid/org/tiny/vocab.json";

    [Fact]
    public async Task A_host_that_does_not_resolve_fails_once_naming_it_and_the_mirror_settings()
    {
        using var temp = new TempDirectory();
        var observer = new RecordingDownloadObserver();
        var request = new FileDownloadRequest(new Uri(Nowhere), temp.File("vocab.json"), "vocab.json");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AroException>(() => FastDownloads.Downloader().DownloadAsync(request, observer));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal(1, error.ExitCode);
        Assert.StartsWith("cannot reach files.aro-test.invalid: the host name does not resolve (DNS lookup failed for http://files.aro-test.invalid/org/tiny/vocab.json); not retried.", error.Message, StringComparison.Ordinal);
        Assert.Contains("ARO_HF_ENDPOINT (or HF_ENDPOINT) replaces https://huggingface.co", error.Message, StringComparison.Ordinal);
        Assert.Contains("ARO_DOWNLOAD_MIRROR serves every other host", error.Message, StringComparison.Ordinal);
        Assert.Empty(observer.Infos);
    }

    [Fact]
    public void A_mirror_that_does_not_resolve_is_named_with_the_setting_that_chose_it()
    {
        var endpoints = new DownloadEndpoints("https://hf.aro-test.invalid", "http://mirror.aro-test.invalid/files");

        var hub = endpoints.NameNotResolved(endpoints.Rewrite("https://huggingface.co/org/tiny/resolve/main/vocab.json"));
        var mirror = endpoints.NameNotResolved(endpoints.Rewrite("https://drive.google.com/uc?id=1"));

        Assert.Contains("It is the Hugging Face mirror that ARO_HF_ENDPOINT or HF_ENDPOINT sets (https://hf.aro-test.invalid): check that setting.", hub, StringComparison.Ordinal);
        Assert.Contains("It is the mirror that ARO_DOWNLOAD_MIRROR sets (http://mirror.aro-test.invalid/files): check that setting.", mirror, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hash_lookup_and_google_drive_do_not_retry_a_host_that_does_not_resolve()
    {
        using var temp = new TempDirectory();
        var clock = Stopwatch.StartNew();

        var head = await Assert.ThrowsAsync<AroException>(() => ServerFileHash.ReadAsync(DownloadHttp.NoRedirects, new Uri(Nowhere), FastDownloads.Options));
        var drive = await Assert.ThrowsAsync<AroException>(() =>
            new GoogleDriveResolver(DownloadHttp.Shared, new DownloadEndpoints(null, "http://mirror.aro-test.invalid"), FastDownloads.Options with { InitialBackoff = TimeSpan.FromSeconds(5) })
                .ResolveAsync("some-id", "visual_genome_relation.json", temp.File("x.json")));

        Assert.StartsWith("cannot reach files.aro-test.invalid: the host name does not resolve", head.Message, StringComparison.Ordinal);
        Assert.StartsWith("cannot reach mirror.aro-test.invalid: the host name does not resolve", drive.Message, StringComparison.Ordinal);
        Assert.Contains("It is the mirror that ARO_DOWNLOAD_MIRROR sets", drive.Message, StringComparison.Ordinal);
        Assert.Contains("To fetch it by hand, open https://drive.google.com/file/d/some-id/view", drive.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"retried: took {clock.Elapsed}");
    }

    [Fact]
    public async Task Http_redirects_are_still_followed_keeping_the_range_request()
    {
        var body = FastDownloads.RandomBytes(50_000);
        using var server = new LocalHttpServer(r => r.Path == "/vocab.json" ? HttpReply.Redirect("/cdn/vocab.json", 302) : HttpReply.File(r, body));
        using var temp = new TempDirectory();
        var request = new FileDownloadRequest(new Uri(server.BaseUrl + "/vocab.json"), temp.File("vocab.json"), "vocab.json") { ExpectedSha256 = FastDownloads.Sha256(body) };
        await File.WriteAllBytesAsync(request.PartPath, body[..20_000]);

        await FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver());

        Assert.Equal(body, await File.ReadAllBytesAsync(request.Destination));
        Assert.Equal(20_000, server.RequestsTo("/cdn/vocab.json").Single().RangeStart);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://files.example/vocab.json")]
    public async Task A_redirect_to_another_scheme_is_a_clean_error(string location)
    {
        using var server = new LocalHttpServer(_ => HttpReply.Redirect(location));
        using var temp = new TempDirectory();
        var url = new Uri(server.BaseUrl + "/vocab.json");
        var request = new FileDownloadRequest(url, temp.File("vocab.json"), "vocab.json");

        var download = await Assert.ThrowsAsync<AroException>(() => FastDownloads.Downloader().DownloadAsync(request, new RecordingDownloadObserver()));
        var head = await Assert.ThrowsAsync<AroException>(() => ServerFileHash.ReadAsync(DownloadHttp.NoRedirects, url, FastDownloads.Options));

        // HttpClient follows file:// itself and fails on it, so its message cannot name the target; ftp:// it hands back.
        Assert.Equal(2, download.ExitCode);
        Assert.Equal(
            $"download of vocab.json failed: {url} redirects to {new Uri(location)}, which is not an http or https URL; aro downloads only over http(s) " +
            "(check the URL, and the mirror settings ARO_HF_ENDPOINT and ARO_DOWNLOAD_MIRROR)", download.Message);
        Assert.Equal(2, head.ExitCode);
        Assert.StartsWith($"could not read the file's metadata: {url} redirects to {new Uri(location)}, which is not an http or https URL", head.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count); // one each: the redirect target was never requested
        Assert.False(File.Exists(request.Destination));
    }
}
