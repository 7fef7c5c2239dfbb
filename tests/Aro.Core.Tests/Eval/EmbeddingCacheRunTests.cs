using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Eval;

/// <summary>An unchanged re-run encodes nothing and writes the same bytes; a damaged cache only costs a warning.</summary>
public sealed class EmbeddingCacheRunTests
{
    private static EvalRequest Request(string output, string cache, bool noCache = false) => new(
        RepoPaths.InRepo("models", "demo"), "all", RepoPaths.InRepo("data", "demo"), output,
        new EvaluationSettings(BatchSize: 6), RuntimeOptions.Default, Cache: cache, NoCache: noCache);

    [Fact]
    public async Task A_rerun_takes_every_embedding_from_the_cache()
    {
        using var temp = new TempDirectory();
        var first = await EvalJob.RunAsync(Request(temp.File("a"), temp.File("cache")), new NullEvalObserver());
        var second = await EvalJob.RunAsync(Request(temp.File("b"), temp.File("cache")), new NullEvalObserver());

        Assert.True(first.Manifest.EncoderCalls.ImagesEncoded > 0);
        Assert.Equal(0, second.Manifest.EncoderCalls.ImagesEncoded);
        Assert.Equal(0, second.Manifest.EncoderCalls.CaptionsEncoded);
        Assert.True(second.Manifest.EncoderCalls.ImagesFromCache > 0);
        foreach (var file in Directory.GetFiles(temp.File("a"), "*.csv"))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(temp.File("b", Path.GetFileName(file))));
        }
    }

    [Fact]
    public async Task No_cache_leaves_no_cache_behind()
    {
        using var temp = new TempDirectory();

        var outcome = await EvalJob.RunAsync(Request(temp.File("a"), temp.File("cache"), noCache: true), new NullEvalObserver());

        Assert.False(Directory.Exists(temp.File("cache")));
        Assert.Equal("disabled (--no-cache)", outcome.Manifest.EmbeddingCache);
        Assert.True(outcome.Manifest.EncoderCalls.ImagesSaved > 0, "de-duplication within the run still saves encoder calls");
    }

    [Fact]
    public async Task A_corrupted_cache_file_is_reported_and_results_stay_exact()
    {
        using var temp = new TempDirectory();
        var first = await EvalJob.RunAsync(Request(temp.File("a"), temp.File("cache")), new NullEvalObserver());
        var cacheFile = Directory.GetFiles(temp.File("cache"), "embeddings.bin", SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(cacheFile);
        for (var i = bytes.Length / 2; i < bytes.Length; i += 97)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(cacheFile, bytes);
        var observer = new NullEvalObserver();

        var second = await EvalJob.RunAsync(Request(temp.File("b"), temp.File("cache")), observer);

        Assert.Contains(observer.Warnings, w => w.Contains("corrupt or truncated", StringComparison.Ordinal));
        Assert.True(second.Manifest.EncoderCalls.ImagesEncoded + second.Manifest.EncoderCalls.CaptionsEncoded > 0);
        foreach (var file in Directory.GetFiles(temp.File("a"), "*.csv"))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(temp.File("b", Path.GetFileName(file))));
        }

        Assert.NotNull(first);
    }
}
