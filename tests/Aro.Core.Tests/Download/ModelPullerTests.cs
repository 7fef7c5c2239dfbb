using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Aro.Core.Download;
using Aro.Core.Models;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Download;

/// <summary>
/// <see cref="ModelPuller"/> against a local server standing in for Hugging Face (via the HF endpoint override):
/// the folder appears complete or not at all, hashes come from the catalog or, failing that, from the server's headers.
/// </summary>
public sealed class ModelPullerTests
{
    private static readonly byte[] Vision = FastDownloads.RandomBytes(150_000);
    private static readonly byte[] Vocab = Encoding.UTF8.GetBytes("{\"a\": 0}");

    [Fact]
    public async Task Pulls_every_file_verifies_it_and_moves_the_folder_into_place_with_a_receipt()
    {
        using var server = Hub();
        using var temp = new TempDirectory();

        var result = await Puller(server).PullAsync(Model(Pinned()), temp.Path, new ModelPullOptions(), new RecordingDownloadObserver());

        var folder = temp.File("tiny");
        Assert.Equal(folder, result.Folder);
        Assert.Equal(Vision, await File.ReadAllBytesAsync(Path.Combine(folder, "onnx", "vision_model.onnx")));
        Assert.Equal(Vocab, await File.ReadAllBytesAsync(Path.Combine(folder, "vocab.json")));
        Assert.False(Directory.Exists(ModelPuller.StagingFolder(temp.Path, "tiny")));
        using var receipt = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, ModelReceipt.FileName)));
        var files = receipt.RootElement.GetProperty("files");
        Assert.Equal(FastDownloads.Sha256(Vision), files[0].GetProperty("sha256").GetString());
        Assert.Equal("catalog", files[0].GetProperty("verified_against").GetString());
        Assert.All(server.Requests, r => Assert.StartsWith("/org/tiny/resolve/", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_checksum_fails_naming_the_file_and_both_hashes_and_leaves_no_model_folder()
    {
        using var server = Hub();
        using var temp = new TempDirectory();
        var wrong = new string('a', 64);
        var files = Pinned();
        files[0] = files[0] with { Sha256 = wrong };

        var error = await Assert.ThrowsAsync<AroException>(() =>
            Puller(server).PullAsync(Model(files), temp.Path, new ModelPullOptions(), new RecordingDownloadObserver()));

        Assert.Equal(1, error.ExitCode);
        Assert.Contains($"checksum mismatch for onnx/vision_model.onnx: expected sha256 {wrong} (the catalog), found {FastDownloads.Sha256(Vision)}", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("tiny")));
        Assert.Empty(Directory.EnumerateFiles(ModelPuller.StagingFolder(temp.Path, "tiny"), "vision_model.onnx*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_interrupted_pull_resumes_without_fetching_finished_files_again()
    {
        var vocabMissing = true;
        using var server = new LocalHttpServer(r => r.Path.EndsWith("vocab.json", StringComparison.Ordinal) && vocabMissing ? HttpReply.NotFound() : Serve(r));
        using var temp = new TempDirectory();
        var puller = Puller(server);

        await Assert.ThrowsAsync<AroException>(() => puller.PullAsync(Model(Pinned()), temp.Path, new ModelPullOptions(), new RecordingDownloadObserver()));
        Assert.False(Directory.Exists(temp.File("tiny")));
        vocabMissing = false;
        var observer = new RecordingDownloadObserver();
        await puller.PullAsync(Model(Pinned()), temp.Path, new ModelPullOptions(), observer);

        Assert.Single(server.RequestsTo("/org/tiny/resolve/main/onnx/vision_model.onnx"));
        Assert.Contains(observer.Infos, m => m == "onnx/vision_model.onnx: already downloaded (verified)");
        Assert.True(File.Exists(temp.File("tiny", "vocab.json")));
    }

    [Fact]
    public async Task An_installed_model_is_not_fetched_again()
    {
        using var server = Hub();
        using var temp = new TempDirectory();
        await Puller(server).PullAsync(Model(Pinned()), temp.Path, new ModelPullOptions(), new RecordingDownloadObserver());
        var before = server.Requests.Count;

        var again = await Puller(server).PullAsync(Model(Pinned()), temp.Path, new ModelPullOptions(), new RecordingDownloadObserver());

        Assert.True(again.AlreadyInstalled);
        Assert.Equal(before, server.Requests.Count);
    }

    [Fact]
    public async Task A_foreign_incomplete_folder_is_left_alone_unless_forced()
    {
        using var server = Hub();
        using var temp = new TempDirectory();
        temp.Write("tiny/notes.txt", "mine");

        var error = await Assert.ThrowsAsync<AroInputException>(() =>
            Puller(server).PullAsync(Model(Pinned()), temp.Path, new ModelPullOptions(), new RecordingDownloadObserver()));
        await Puller(server).PullAsync(Model(Pinned()), temp.Path, new ModelPullOptions(Force: true), new RecordingDownloadObserver());

        Assert.Contains("--force", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("tiny", "notes.txt")));
        Assert.True(File.Exists(temp.File("tiny", "vocab.json")));
        Assert.Single(Directory.EnumerateDirectories(temp.Path));
    }

    [Fact]
    public async Task Without_a_catalog_hash_the_servers_lfs_sha256_and_git_sha1_are_used_with_a_warning()
    {
        using var server = Hub();
        using var temp = new TempDirectory();
        var observer = new RecordingDownloadObserver();

        await Puller(server).PullAsync(Model(Unpinned()), temp.Path, new ModelPullOptions(), observer);

        using var receipt = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("tiny", ModelReceipt.FileName)));
        var files = receipt.RootElement.GetProperty("files");
        Assert.Equal("the server's X-Linked-ETag (sha256)", files[0].GetProperty("verified_against").GetString());
        Assert.Equal("the server's ETag (git blob sha1)", files[1].GetProperty("verified_against").GetString());
        Assert.Equal(2, observer.Warnings.Count(w => w.Contains("the server's word, not a pinned hash", StringComparison.Ordinal)));
        Assert.Equal(2, server.Requests.Count(r => r.Method == "HEAD"));
    }

    [Fact]
    public async Task Without_a_catalog_hash_a_file_that_differs_from_the_servers_hash_is_refused()
    {
        using var server = new LocalHttpServer(r => r.Method == "HEAD" && r.Path.EndsWith(".onnx", StringComparison.Ordinal)
            ? new HttpReply(302, []) { Headers = new Dictionary<string, string> { ["X-Linked-ETag"] = $"\"{new string('b', 64)}\"", ["Location"] = "https://cdn.example/x" } }
            : Serve(r));
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<AroException>(() =>
            Puller(server).PullAsync(Model(Unpinned()), temp.Path, new ModelPullOptions(), new RecordingDownloadObserver()));

        Assert.Contains($"expected sha256 {new string('b', 64)} (the server's X-Linked-ETag (sha256)), found {FastDownloads.Sha256(Vision)}", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("tiny")));
    }

    [Fact]
    public async Task Without_any_hash_the_pull_refuses_unless_unverified_files_are_allowed()
    {
        using var server = new LocalHttpServer(r => r.Method == "HEAD" ? new HttpReply(200, []) : Serve(r));
        using var temp = new TempDirectory();
        var observer = new RecordingDownloadObserver();

        var error = await Assert.ThrowsAsync<AroException>(() =>
            Puller(server).PullAsync(Model(Unpinned()), temp.Path, new ModelPullOptions(), new RecordingDownloadObserver()));
        await Puller(server).PullAsync(Model(Unpinned()), temp.Path, new ModelPullOptions(AllowUnverified: true), observer);

        Assert.Contains("cannot be verified", error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-unverified", error.Message, StringComparison.Ordinal);
        Assert.Contains(observer.Warnings, w => w.Contains("UNVERIFIED", StringComparison.Ordinal));
        Assert.True(File.Exists(temp.File("tiny", "onnx", "vision_model.onnx")));
    }

    [Fact]
    public async Task A_model_without_a_download_says_how_to_export_it()
    {
        var negclip = ModelCatalog.BuiltIn.Find("negclip")!;
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<AroInputException>(() =>
            ModelPuller.Create(FastDownloads.Options, DownloadEndpoints.Direct).PullAsync(negclip, temp.Path, new ModelPullOptions(), new RecordingDownloadObserver()));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains(negclip.Export!, error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    /// <summary>Serves the two files like the hub: HEAD answers carry the hashes, LFS ones with a redirect.</summary>
    private static LocalHttpServer Hub() => new(Serve);

    private static HttpReply Serve(RecordedRequest request)
    {
        var isVision = request.Path.EndsWith("vision_model.onnx", StringComparison.Ordinal);
        var content = isVision ? Vision : Vocab;
        if (request.Method == "HEAD")
        {
            return isVision
                ? new HttpReply(302, []) { Headers = new Dictionary<string, string> { ["X-Linked-ETag"] = $"\"{FastDownloads.Sha256(Vision)}\"", ["X-Linked-Size"] = $"{Vision.Length}", ["Location"] = "https://cdn.example/blob" } }
                : new HttpReply(200, Vocab) { Headers = new Dictionary<string, string> { ["ETag"] = $"\"{GitBlobSha1(Vocab)}\"" } };
        }

        return HttpReply.File(request, content);
    }

    private static ModelPuller Puller(LocalHttpServer server) =>
        new(FastDownloads.Downloader(), DownloadHttp.NoRedirects, new DownloadEndpoints(server.BaseUrl, null));

    private static List<CatalogFile> Pinned() =>
    [
        new("onnx/vision_model.onnx", "https://huggingface.co/org/tiny/resolve/main/onnx/vision_model.onnx", Vision.Length, FastDownloads.Sha256(Vision)),
        new("vocab.json", "https://huggingface.co/org/tiny/resolve/main/vocab.json", Vocab.Length, FastDownloads.Sha256(Vocab)),
    ];

    private static List<CatalogFile> Unpinned() => [.. Pinned().Select(f => f with { Size = null, Sha256 = null })];

    private static CatalogModel Model(IReadOnlyList<CatalogFile> files) =>
        new("tiny", "Tiny", "clip", "test hub", "MIT", "https://huggingface.co/org/tiny", null,
            ["onnx/vision_model.onnx", "vocab.json"], new CatalogDownload(files), null);

    private static string GitBlobSha1(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
#pragma warning disable CA5350 // git's object id is SHA-1 by definition; this is an identity check, not security.
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
#pragma warning restore CA5350
    }
}
