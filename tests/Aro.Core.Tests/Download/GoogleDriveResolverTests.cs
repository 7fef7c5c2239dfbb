using Aro.Core.Download;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Download;

/// <summary>
/// Google Drive's answers played by a local server through <c>ARO_DOWNLOAD_MIRROR</c>-style rewriting: a small file
/// served after a redirect, the virus-scan confirm form and the older confirm link for large files, and the quota page.
/// </summary>
public sealed class GoogleDriveResolverTests
{
    private const string FileId = "1qaPlrwhGNMrR3a11iopZUT_GPP_LrgP9";
    private static readonly byte[] Content = FastDownloads.RandomBytes(200_000);

    [Fact]
    public async Task A_small_file_is_served_after_a_redirect()
    {
        using var server = new LocalHttpServer(r => r.Path switch
        {
            "/drive.google.com/uc" => HttpReply.Redirect($"/drive.usercontent.google.com/download?id={r.QueryValue("id")}&export=download", 303),
            "/drive.usercontent.google.com/download" => HttpReply.File(r, Content),
            _ => HttpReply.NotFound(),
        });
        using var temp = new TempDirectory();

        var file = await DownloadAsync(server, temp);

        Assert.Equal(Content, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task The_virus_scan_warning_form_is_confirmed_and_the_download_resumes_with_range()
    {
        using var server = new LocalHttpServer(r => r.Path switch
        {
            "/drive.google.com/uc" => HttpReply.Html(DriveTestPages.ConfirmForm(FileId, "vgr_vga_images.zip", "a1b2-c3")),
            "/drive.usercontent.google.com/download" when r.QueryValue("confirm") == "t" && r.QueryValue("uuid") == "a1b2-c3" && r.QueryValue("id") == FileId
                => HttpReply.File(r, Content),
            "/drive.usercontent.google.com/download" => HttpReply.Html(DriveTestPages.ConfirmForm(FileId, "vgr_vga_images.zip", "again")),
            _ => HttpReply.NotFound(),
        });
        using var temp = new TempDirectory();
        var part = temp.File("vgr_vga_images.zip.part");
        await File.WriteAllBytesAsync(part, Content[..70_000]);

        var file = await DownloadAsync(server, temp);

        Assert.Equal(Content, await File.ReadAllBytesAsync(file));
        var confirmed = Assert.Single(server.RequestsTo("/drive.usercontent.google.com/download"));
        Assert.Equal("download", confirmed.QueryValue("export"));
        Assert.Equal(70_000, confirmed.RangeStart);
    }

    [Fact]
    public async Task The_older_confirm_link_is_followed()
    {
        using var server = new LocalHttpServer(r => (r.Path, r.QueryValue("confirm")) switch
        {
            ("/drive.google.com/uc", null) => HttpReply.Html(DriveTestPages.ConfirmLink(FileId, "Xy_9")),
            ("/drive.google.com/uc", "Xy_9") when r.QueryValue("id") == FileId => HttpReply.File(r, Content),
            _ => HttpReply.NotFound(),
        });
        using var temp = new TempDirectory();

        var file = await DownloadAsync(server, temp);

        Assert.Equal(Content, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task The_quota_page_is_an_error_that_says_how_to_fetch_by_hand()
    {
        using var server = new LocalHttpServer(_ => HttpReply.Html(DriveTestPages.QuotaExceeded));
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<AroException>(() => DownloadAsync(server, temp));

        Assert.Contains("too many people downloaded it recently", error.Message, StringComparison.Ordinal);
        Assert.Contains($"https://drive.google.com/file/d/{FileId}/view", error.Message, StringComparison.Ordinal);
        Assert.Contains(temp.File("vgr_vga_images.zip"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_without_a_download_is_an_error()
    {
        using var server = new LocalHttpServer(_ => HttpReply.Html("<html><body>Sign in to continue</body></html>"));
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<AroException>(() => DownloadAsync(server, temp));

        Assert.Contains("answered a page without a download", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_confirm_form_becomes_the_usercontent_url_with_its_hidden_fields()
    {
        var url = DriveWarningPage.ConfirmUrl(
            DriveTestPages.ConfirmForm(FileId, "x.zip", "u-1"), new Uri("https://drive.google.com/uc?export=download&id=" + FileId), FileId);

        Assert.Equal($"https://drive.usercontent.google.com/download?id={FileId}&export=download&confirm=t&uuid=u-1", url!.AbsoluteUri);
    }

    private static async Task<string> DownloadAsync(LocalHttpServer server, TempDirectory temp)
    {
        var endpoints = new DownloadEndpoints(null, server.BaseUrl);
        var resolver = new GoogleDriveResolver(DownloadHttp.Shared, endpoints, FastDownloads.Options);
        var destination = temp.File("vgr_vga_images.zip");
        var url = await resolver.ResolveAsync(FileId, "vgr_vga_images.zip", destination);
        var file = await FastDownloads.Downloader().DownloadAsync(
            new FileDownloadRequest(url, destination, "vgr_vga_images.zip") { RejectHtml = true }, new RecordingDownloadObserver());
        return file.Path;
    }
}
