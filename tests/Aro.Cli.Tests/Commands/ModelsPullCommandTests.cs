using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Aro.Cli.Tests.Support;
using Aro.Core.Download;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary><c>aro models pull</c>: a test catalog whose Hugging Face URLs reach a local server through ARO_HF_ENDPOINT.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ModelsPullCommandTests
{
    private static readonly byte[] Graph = RandomNumberGenerator.GetBytes(64_000);
    private static readonly byte[] Vocab = Encoding.UTF8.GetBytes("{\"hello\": 0}");

    [Fact]
    public async Task Pulls_the_model_into_the_models_folder_and_says_what_was_checked()
    {
        using var server = new LocalHttpServer(Serve);
        using var temp = new TempDirectory();
        var catalog = WriteCatalog(temp, Sha256(Vocab));

        var run = await PullAsync(temp, server, "models", "pull", "tiny", "--catalog", catalog);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"installed tiny in {temp.File("models", "tiny")}: 2 files", run.Out, StringComparison.Ordinal);
        Assert.Contains("every sha256 matches the catalog", run.Out, StringComparison.Ordinal);
        Assert.Contains("onnx/model.onnx: done", run.Error, StringComparison.Ordinal);
        Assert.Equal(Graph, await File.ReadAllBytesAsync(temp.File("models", "tiny", "onnx", "model.onnx")));
        Assert.True(File.Exists(temp.File("models", "tiny", ModelReceipt.FileName)));
        var again = await PullAsync(temp, server, "models", "pull", "tiny", "--catalog", catalog);
        Assert.Contains("tiny is already installed", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_terminal_the_pull_draws_progress_bars()
    {
        using var server = new LocalHttpServer(Serve);
        using var temp = new TempDirectory();
        var catalog = WriteCatalog(temp, Sha256(Vocab));
        using var environment = new EnvironmentScope(
            (ModelLocator.EnvironmentVariable, temp.File("models")),
            (DownloadEndpoints.HuggingFaceVariable, server.BaseUrl));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await AroCli.RunAsync(["models", "pull", "tiny", "--catalog", catalog], new CliConsole(output, error, isTerminal: true));

        Assert.Equal(0, exit);
        Assert.Contains("onnx/model.onnx", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("62.5 KiB/62.5 KiB", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("installed tiny", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_checksum_exits_1_naming_the_file_and_both_hashes_and_installs_nothing()
    {
        using var server = new LocalHttpServer(Serve);
        using var temp = new TempDirectory();
        var wrong = new string('e', 64);

        var run = await PullAsync(temp, server, "models", "pull", "tiny", "--catalog", WriteCatalog(temp, wrong));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"aro: error: checksum mismatch for vocab.json: expected sha256 {wrong} (the catalog), found {Sha256(Vocab)}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("models", "tiny")));
    }

    [Fact]
    public async Task A_missing_file_exits_1_naming_the_status_and_url()
    {
        using var server = new LocalHttpServer(_ => HttpReply.NotFound());
        using var temp = new TempDirectory();

        var run = await PullAsync(temp, server, "models", "pull", "tiny", "--catalog", WriteCatalog(temp, Sha256(Vocab)));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HTTP 404 Not Found", run.Error, StringComparison.Ordinal);
        Assert.Contains(server.BaseUrl + "/org/tiny/resolve/main/onnx/model.onnx", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("negclip")]
    [InlineData("blip-coco")]
    public async Task An_export_only_model_prints_its_export_command_and_exits_2_without_downloading(string name)
    {
        using var server = new LocalHttpServer(_ => HttpReply.NotFound());
        using var temp = new TempDirectory();

        var run = await PullAsync(temp, server, "models", "pull", name);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(ModelCatalog.BuiltIn.Find(name)!.Export!, run.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_unknown_model_exits_2_listing_the_known_ones()
    {
        using var server = new LocalHttpServer(_ => HttpReply.NotFound());
        using var temp = new TempDirectory();

        var run = await PullAsync(temp, server, "models", "pull", "clip-huge");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown model 'clip-huge'; the catalog lists clip, negclip", run.Error, StringComparison.Ordinal);
    }

    private static HttpReply Serve(RecordedRequest request) => request.Path switch
    {
        "/org/tiny/resolve/main/onnx/model.onnx" => HttpReply.File(request, Graph),
        "/org/tiny/resolve/main/vocab.json" => HttpReply.File(request, Vocab),
        _ => HttpReply.NotFound(),
    };

    private static async Task<CliRun> PullAsync(TempDirectory temp, LocalHttpServer server, params string[] args)
    {
        using var environment = new EnvironmentScope(
            (ModelLocator.EnvironmentVariable, temp.File("models")),
            (DownloadEndpoints.HuggingFaceVariable, server.BaseUrl),
            (DownloadEndpoints.MirrorVariable, server.BaseUrl));
        return await CliRun.InvokeAsync(args);
    }

    private static string WriteCatalog(TempDirectory temp, string vocabSha256)
    {
        var catalog = new
        {
            format = 1,
            models = new[]
            {
                new
                {
                    name = "tiny",
                    title = "Tiny test model",
                    family = "clip",
                    source = "a local test server",
                    license = "MIT",
                    homepage = "https://huggingface.co/org/tiny",
                    size_bytes = (long?)null,
                    present_check = new[] { "onnx/model.onnx", "vocab.json" },
                    download = new
                    {
                        files = new[]
                        {
                            new { path = "onnx/model.onnx", url = "https://huggingface.co/org/tiny/resolve/main/onnx/model.onnx", size = (long?)Graph.Length, sha256 = Sha256(Graph) },
                            new { path = "vocab.json", url = "https://huggingface.co/org/tiny/resolve/main/vocab.json", size = (long?)null, sha256 = vocabSha256 },
                        },
                    },
                    export = (string?)null,
                },
            },
        };
        return temp.Write("catalog.json", JsonSerializer.Serialize(catalog));
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
