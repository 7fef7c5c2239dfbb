using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Cli.Tests.Commands;

/// <summary>
/// Real `aro eval` processes whose embedding cache is unavailable, against a run that had it all to itself: two runs
/// sharing one cache folder at once (the second, locked out, keeps embeddings in 16 entries of memory and nothing
/// else — the case that stopped with "internal error: … neither encoded nor stored"), a cache on a 64 KiB disk that
/// fills mid-run, and a read-only cache folder with and without an earlier run's cache in it. Every run exits 0
/// with the reference's predictions; each says once why it ran without the cache.
/// </summary>
public sealed class CacheUnderStressTests(CacheUnderStressTests.Data data, ITestOutputHelper output) : IClassFixture<CacheUnderStressTests.Data>
{
    private const int Limit = 600;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Two_runs_sharing_a_cache_both_finish_with_the_results_of_a_run_alone()
    {
        using var temp = new TempDirectory();
        var cache = temp.File("cache");
        using var first = ChildProcess.Start(ChildProcess.StartInfo("aro", Args(cache, temp.File("a"), limit: null)));
        var firstDone = ChildProcess.FinishAsync(first, Patience);
        Assert.True(ChildProcess.WaitFor(() => CacheFile(cache) is not null || first.HasExited, TimeSpan.FromSeconds(120)), "the first run never opened its cache");
        Assert.False(first.HasExited, "the first run finished before the second could start; give it more cases");

        var secondInfo = ChildProcess.StartInfo("aro", Args(cache, temp.File("b"), Limit));
        secondInfo.Environment["ARO_CACHE_MEMORY_ENTRIES"] = "16";
        secondInfo.Environment["TMPDIR"] = temp.Write("not-a-folder", "so the second run gets no temporary file either");
        using var second = ChildProcess.Start(secondInfo);
        var (secondCode, _, secondError) = await ChildProcess.FinishAsync(second, Patience);
        var (firstCode, _, firstError) = await firstDone;
        output.WriteLine($"second run's stderr:\n{secondError}");

        Assert.True(firstCode == 0, firstError);
        Assert.True(secondCode == 0, secondError);
        Assert.DoesNotContain("embedding cache", firstError, StringComparison.Ordinal);
        Assert.Equal(1, Count(secondError, $"embedding cache {CacheFile(cache)} is in use by another aro process; this run goes on without it"));
        Assert.Equal(1, Count(secondError, "new embeddings are now kept in memory only (up to 16 besides the batches in flight)"));
        data.AssertSamePredictions(temp.File("a"), exact: true);
        data.AssertSamePredictions(temp.File("b"), exact: false);
    }

    [Fact]
    public async Task A_cache_on_a_disk_that_fills_mid_run_costs_one_warning_and_no_result()
    {
        using var temp = new TempDirectory();
        var cache = temp.File("tiny-disk");
        var info = PrivateMounts.WithTinyDisk(cache, "64k", Path.Combine(AppContext.BaseDirectory, "aro"), Args(cache, temp.File("out"), Limit));

        var (code, _, error) = await ChildProcess.FinishAsync(ChildProcess.Start(info), Patience);

        output.WriteLine(error);
        Assert.True(code == 0, error);
        Assert.Equal(1, Count(error, "cannot be written (the disk is full (no space left on the device, or the disk quota is used up))"));
        Assert.Equal(1, Count(error, "embedding cache "));
        data.AssertSamePredictions(temp.File("out"), exact: true);
    }

    [Fact]
    public async Task A_read_only_cache_folder_is_used_for_what_it_holds_and_nothing_is_written_to_it()
    {
        using var temp = new TempDirectory();
        var cache = temp.File("cache");
        var fill = await CliRun.InvokeAsync([.. Args(cache, temp.File("fill"), Limit)]);
        Assert.True(fill.ExitCode == 0, fill.Error);
        var cacheFile = CacheFile(cache)!;
        var before = File.ReadAllBytes(cacheFile);

        var info = PrivateMounts.WithReadOnly(cache, Path.Combine(AppContext.BaseDirectory, "aro"), Args(cache, temp.File("out"), Limit));
        var (code, stdout, error) = await ChildProcess.FinishAsync(ChildProcess.Start(info), Patience);

        output.WriteLine(error);
        Assert.True(code == 0, error);
        Assert.Equal(1, Count(error, $"embedding cache {cacheFile} cannot be written (the file system is read-only); its "));
        Assert.Contains($"encoder calls: images 0 of {Limit}", stdout, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(cacheFile));
        data.AssertSamePredictions(temp.File("out"), exact: true);
    }

    [Fact]
    public async Task A_read_only_folder_without_a_cache_runs_without_one()
    {
        using var temp = new TempDirectory();
        var cache = temp.File("empty-read-only");
        var info = PrivateMounts.WithReadOnly(cache, Path.Combine(AppContext.BaseDirectory, "aro"), Args(cache, temp.File("out"), 200));

        var (code, _, error) = await ChildProcess.FinishAsync(ChildProcess.Start(info), Patience);

        Assert.True(code == 0, error);
        Assert.Equal(1, Count(error, "cannot be opened: the file system is read-only; this run goes on without it"));
        Assert.Empty(Directory.GetFileSystemEntries(cache));
        data.AssertSamePredictions(temp.File("out"), exact: true);
    }

    private string[] Args(string cache, string output, int? limit) =>
    [
        "eval", "--model", RepoPaths.InRepo("models", "demo"), "--subset", data.Cases, "--batch-size", "8", "--cache-dir", cache, "--out", output,
        .. limit is { } n ? new[] { "--limit", n.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [],
    ];

    private static string? CacheFile(string cache) =>
        Directory.Exists(cache) ? Directory.GetFiles(cache, "embeddings.bin", SearchOption.AllDirectories).SingleOrDefault() : null;

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The cases (1,500: long enough for a second run to start while the first runs) and a reference run alone, without a cache.</summary>
    public sealed class Data : IDisposable
    {
        private readonly TempDirectory _temp = new();
        private readonly CsvTable _reference;

        public Data()
        {
            Cases = SyntheticCases.Write(_temp.File("data"), 1500);
            var run = CliRun.InvokeAsync("eval", "--model", RepoPaths.InRepo("models", "demo"), "--subset", Cases, "--batch-size", "8", "--no-cache", "--out", _temp.File("reference"))
                .GetAwaiter().GetResult();
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException(run.Error);
            }

            _reference = CsvTable.Read(_temp.File("reference", "cases.predictions.csv"));
        }

        public string Cases { get; }

        /// <summary>
        /// Every case of <paramref name="folder"/>'s predictions as in the reference: the same prediction and, when
        /// <paramref name="exact"/>, the same printed scores; otherwise scores within 1e-5 (embeddings a forgetful store
        /// encoded again, in other batches).
        /// </summary>
        public void AssertSamePredictions(string folder, bool exact)
        {
            var rows = CsvTable.Read(Path.Combine(folder, "cases.predictions.csv")).Rows;
            Assert.NotEmpty(rows);
            for (var i = 0; i < rows.Count; i++)
            {
                var expected = _reference.Rows[i];
                Assert.Equal(expected["id"], rows[i]["id"]);
                Assert.Equal(expected["prediction"], rows[i]["prediction"]);
                foreach (var score in new[] { "score_0", "score_1" })
                {
                    if (exact)
                    {
                        Assert.Equal(expected[score], rows[i][score]);
                    }
                    else
                    {
                        Assert.Equal(CsvTable.Number(expected[score]), CsvTable.Number(rows[i][score]), 1e-5);
                    }
                }
            }
        }

        public void Dispose() => _temp.Dispose();
    }
}
