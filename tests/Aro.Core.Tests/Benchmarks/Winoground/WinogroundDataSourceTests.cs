using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.Winoground;
using Aro.Core.Download;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Benchmarks.Winoground;

/// <summary>
/// <c>aro data pull winoground</c> against a local server standing in for the gated Hugging Face dataset (through
/// the download mirror): the token goes out as <c>Authorization: Bearer</c>, the two files arrive and the images are
/// unpacked into images/; without a token nothing is requested and the message says how to get access; a refused
/// token (401, 403) says the same; a complete folder needs no token.
/// </summary>
public sealed class WinogroundDataSourceTests
{
    private const string Token = "hf_test_token_123";
    private const string Examples = "/huggingface.co/datasets/facebook/winoground/resolve/main/data/examples.jsonl";
    private const string ImagesZip = "/huggingface.co/datasets/facebook/winoground/resolve/main/data/images.zip";
    private static readonly string Demo = RepoPaths.InRepo("data", "demo", "winoground");

    [Fact]
    public async Task The_token_fetches_both_files_and_the_images_are_unpacked()
    {
        using var server = GatedServer(refuse: null);
        using var temp = new TempDirectory();
        var folder = Folder(temp);

        var result = await WinogroundDataSource.Instance.PullAsync(Context(server, folder, temp.Path, Token), CancellationToken.None);

        Assert.True(result.Fetched);
        Assert.Equal((8, 16), (result.Cases, result.Images));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Demo, "examples.jsonl")), File.ReadAllBytes(Path.Combine(folder, "examples.jsonl")));
        Assert.False(File.Exists(Path.Combine(folder, WinogroundDataSource.ImagesZip)));
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + Token, r.Headers["Authorization"]));
        Assert.True((await DataVerifier.VerifyAsync(WinogroundBenchmark.Subset, temp.Path, "data", deep: true)).Complete);
    }

    [Fact]
    public async Task Without_a_token_nothing_is_requested_and_the_message_says_how_to_get_access()
    {
        using var server = GatedServer(refuse: null);
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<AroInputException>(() =>
            WinogroundDataSource.Instance.PullAsync(Context(server, Folder(temp), temp.Path, token: null), CancellationToken.None));

        Assert.Empty(server.Requests);
        Assert.Contains("HF_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains(WinogroundDataSource.DatasetPage, error.Message, StringComparison.Ordinal);
        Assert.Contains("https://huggingface.co/settings/tokens", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_refused_token_says_how_to_get_access_and_keeps_nothing(int status)
    {
        using var server = GatedServer(refuse: status);
        using var temp = new TempDirectory();
        var folder = Folder(temp);

        var error = await Assert.ThrowsAnyAsync<AroException>(() =>
            WinogroundDataSource.Instance.PullAsync(Context(server, folder, temp.Path, "hf_wrong"), CancellationToken.None));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains($"HTTP {status}", error.Message, StringComparison.Ordinal);
        Assert.Contains("accept", error.Message, StringComparison.Ordinal);
        Assert.Contains(WinogroundDataSource.DatasetPage, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hf_wrong", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "examples.jsonl")));
    }

    [Fact]
    public async Task A_complete_folder_needs_no_token()
    {
        using var server = GatedServer(refuse: null);
        using var temp = new TempDirectory();
        var folder = Folder(temp);
        File.Copy(Path.Combine(Demo, "examples.jsonl"), Path.Combine(folder, "examples.jsonl"));
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        foreach (var image in Directory.GetFiles(Path.Combine(Demo, "images")))
        {
            File.Copy(image, Path.Combine(folder, "images", Path.GetFileName(image)));
        }

        var result = await WinogroundDataSource.Instance.PullAsync(Context(server, folder, temp.Path, token: null), CancellationToken.None);

        Assert.False(result.Fetched);
        Assert.Empty(server.Requests);
    }

    /// <summary>The dataset's two files, answered only with the right token (or refused with <paramref name="refuse"/>).</summary>
    private static LocalHttpServer GatedServer(int? refuse)
    {
        var examples = File.ReadAllBytes(Path.Combine(Demo, "examples.jsonl"));
        var zip = TestZip.Create(Directory.GetFiles(Path.Combine(Demo, "images")).Order(StringComparer.Ordinal)
            .Select(f => KeyValuePair.Create("images/" + Path.GetFileName(f), File.ReadAllBytes(f))));
        return new LocalHttpServer(request =>
        {
            if (refuse is { } status || !request.Headers.TryGetValue("Authorization", out var auth) || auth != "Bearer " + Token)
            {
                return HttpReply.Text(refuse ?? 401, "Access to dataset facebook/winoground is restricted. You must be authenticated to access it.");
            }

            return request.Path switch
            {
                Examples => HttpReply.File(request, examples),
                ImagesZip => HttpReply.File(request, zip),
                _ => HttpReply.NotFound(),
            };
        });
    }

    private static string Folder(TempDirectory temp)
    {
        var folder = DataLocator.PullFolder(WinogroundBenchmark.Subset, temp.Path, "data");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static DataPullContext Context(LocalHttpServer server, string folder, string data, string? token)
    {
        var endpoints = new DownloadEndpoints(null, server.BaseUrl);
        var downloader = new FileDownloader(DownloadHttp.Shared, FastDownloads.Options);
        return new DataPullContext(WinogroundBenchmark.Subset, folder, data, new DataPullOptions(HuggingFaceToken: token), new RecordingDownloadObserver(),
            downloader, new GoogleDriveResolver(DownloadHttp.Shared, endpoints, FastDownloads.Options), new ImageFetcher(downloader, endpoints), endpoints);
    }
}
