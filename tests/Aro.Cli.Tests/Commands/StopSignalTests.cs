using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Cli.Tests.Commands;

/// <summary>
/// SIGTERM stops a process within about a second wherever it is: blocked in a read that cancellation cannot reach
/// (the probe, running aro's <see cref="StopSignals"/>, reads a FIFO nobody writes to: the first SIGTERM used to be
/// ignored for good there), and during a download from a local server that stalls mid-file. Evaluation is in
/// <see cref="InterruptionTests"/>.
/// </summary>
public sealed class StopSignalTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_process_blocked_in_a_read_ends_with_130_a_second_after_sigterm()
    {
        using var temp = new TempDirectory();
        var fifo = SpecialFiles.Fifo(temp.File("nobody-writes-here"));
        using var process = ChildProcess.Start(ChildProcess.StartInfo("Aro.TestProbe", ["blocked-read", fifo]));
        Assert.Equal("blocking", await process.StandardOutput.ReadLineAsync());
        Thread.Sleep(300);

        var clock = Stopwatch.StartNew();
        ChildProcess.Terminate(process);
        var (code, _, error) = await ChildProcess.FinishAsync(process, TimeSpan.FromSeconds(20));
        clock.Stop();
        output.WriteLine($"ended {clock.ElapsedMilliseconds} ms after SIGTERM: {error}");

        Assert.Equal(130, code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.ElapsedMilliseconds} ms");
        Assert.Contains("aro: interrupted; the command did not stop within 1 s of the signal, so the process was ended.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_during_a_stalled_download_stops_the_pull_and_keeps_what_arrived()
    {
        var graph = RandomNumberGenerator.GetBytes(400_000);
        using var server = new LocalHttpServer(r => HttpReply.File(r, graph) with { StallAfter = 100_000 });
        using var temp = new TempDirectory();
        var catalog = temp.Write("catalog.json", JsonSerializer.Serialize(new
        {
            format = 1,
            models = new[]
            {
                new
                {
                    name = "tiny", title = "Tiny", family = "clip", source = "a local test server", license = "MIT",
                    homepage = "https://huggingface.co/org/tiny", size_bytes = (long?)null, present_check = new[] { "onnx/model.onnx" },
                    download = new { files = new[] { new { path = "onnx/model.onnx", url = "https://huggingface.co/org/tiny/resolve/main/onnx/model.onnx", size = (long?)graph.Length, sha256 = Convert.ToHexStringLower(SHA256.HashData(graph)) } } },
                    export = (string?)null,
                },
            },
        }));
        var info = ChildProcess.StartInfo("aro", ["models", "pull", "tiny", "--catalog", catalog]);
        info.Environment["ARO_MODELS"] = temp.File("models");
        info.Environment["ARO_HF_ENDPOINT"] = server.BaseUrl;
        using var process = ChildProcess.Start(info);
        var part = temp.File("models", ".tiny.partial", "onnx", "model.onnx.part");
        Assert.True(ChildProcess.WaitFor(() => (File.Exists(part) && new FileInfo(part).Length == 100_000) || process.HasExited, TimeSpan.FromSeconds(60)), "the download never started");
        Assert.False(process.HasExited);

        var clock = Stopwatch.StartNew();
        ChildProcess.Terminate(process);
        var (code, _, error) = await ChildProcess.FinishAsync(process, TimeSpan.FromSeconds(20));
        clock.Stop();
        output.WriteLine($"ended {clock.ElapsedMilliseconds} ms after SIGTERM: {error}");

        Assert.Equal(130, code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.ElapsedMilliseconds} ms");
        Assert.Contains("aro: interrupted.", error, StringComparison.Ordinal);
        Assert.Equal(100_000, new FileInfo(part).Length);
    }
}
