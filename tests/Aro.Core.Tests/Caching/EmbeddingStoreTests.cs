using Aro.Core.Caching;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Caching;

/// <summary>
/// The store's contract (a held embedding is never evicted before its batch lets go; memory stays bounded) and its
/// fallbacks: a cache held by another process, over its budget, or failing mid-run moves embeddings to a temporary
/// file with one warning; a temporary file that fails or fills leaves memory alone, with one more.
/// </summary>
public sealed class EmbeddingStoreTests
{
    private static readonly byte[] Fingerprint = [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 3))];

    private static EmbeddingKey Key(int i) => EmbeddingKey.ForCaption(Fingerprint, $"caption {i}");

    private static float[] Vector(int i) => [i, i + 0.25f, -i, 1f / (i + 1)];

    private static EmbeddingStoreLimits Limits(int memory = 16, long cache = 1L << 30, long spill = 1L << 30) => new(memory, cache, spill);

    [Fact]
    public void A_held_embedding_outlives_any_number_of_additions_and_is_evicted_once_released()
    {
        using var store = new EmbeddingStore(null, memoryCapacity: 16);
        store.Add(Key(0), Vector(0));
        var hold = store.BeginHold();

        Assert.True(store.Hold(Key(0), hold));
        for (var i = 1; i <= 1000; i++)
        {
            store.Add(Key(i), Vector(i));
        }

        Assert.True(store.TryGet(Key(0), out var kept));
        Assert.Equal(Vector(0), kept);
        hold.Dispose();
        for (var i = 1001; i <= 1100; i++)
        {
            store.Add(Key(i), Vector(i));
        }

        Assert.False(store.TryGet(Key(0), out _));
        Assert.Equal(16, store.InMemory);
    }

    [Fact]
    public void A_key_held_before_it_is_added_stays_once_added()
    {
        using var store = new EmbeddingStore(null, memoryCapacity: 16);
        using var hold = store.BeginHold();

        Assert.False(store.Hold(Key(7), hold));
        store.Add(Key(7), Vector(7));
        for (var i = 100; i < 400; i++)
        {
            store.Add(Key(i), Vector(i));
        }

        Assert.True(store.TryGet(Key(7), out var kept));
        Assert.Equal(Vector(7), kept);
        Assert.Equal(17, store.InMemory);
    }

    [Fact]
    public void Two_holds_on_one_key_keep_it_until_both_are_released()
    {
        using var store = new EmbeddingStore(null, memoryCapacity: 16);
        store.Add(Key(1), Vector(1));
        var first = store.BeginHold();
        var second = store.BeginHold();
        Assert.True(store.Hold(Key(1), first));
        Assert.True(store.Hold(Key(1), first));
        Assert.True(store.Hold(Key(1), second));

        first.Dispose();
        for (var i = 100; i < 200; i++)
        {
            store.Add(Key(i), Vector(i));
        }

        Assert.True(store.TryGet(Key(1), out _));
        second.Dispose();
        for (var i = 200; i < 300; i++)
        {
            store.Add(Key(i), Vector(i));
        }

        Assert.False(store.TryGet(Key(1), out _));
    }

    [Fact]
    public void Holding_an_embedding_of_the_cache_file_reads_it_into_memory()
    {
        using var temp = new TempDirectory();
        using (var file = EmbeddingCacheFile.Open(temp.File("c.bin"), Fingerprint, _ => { })!)
        {
            file.Append(Key(3), Vector(3));
        }

        using var store = new EmbeddingStore(EmbeddingCacheFile.Open(temp.File("c.bin"), Fingerprint, _ => { }), memoryCapacity: 16);
        using var hold = store.BeginHold();

        Assert.True(store.Hold(Key(3), hold));
        Assert.Equal(1, store.InMemory);
        Assert.True(store.IsFromEarlierRun(Key(3)));
    }

    [Fact]
    public void A_cache_held_by_another_process_sends_embeddings_to_a_temporary_file_with_one_warning()
    {
        using var temp = new TempDirectory();
        var path = CacheLocation.FileFor(temp.File("cache"), Fingerprint);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Another aro's exclusive open (an flock per open file, so it excludes this process's own opens too).
        using var other = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var warnings = new List<string>();
        using var store = EmbeddingStores.Open(Fingerprint, temp.File("cache"), noCache: false, warnings.Add, Limits(), temp.File("spill"));
        for (var i = 0; i < 500; i++)
        {
            store.Add(Key(i), Vector(i));
        }

        var warning = Assert.Single(warnings);
        Assert.Contains($"embedding cache {path} is in use by another aro process; this run goes on without it", warning, StringComparison.Ordinal);
        Assert.Contains($"a temporary file in {temp.File("spill")}", warning, StringComparison.Ordinal);
        Assert.StartsWith(temp.File("spill"), store.SpillPath, StringComparison.Ordinal);
        for (var i = 0; i < 500; i++)
        {
            Assert.True(store.TryGet(Key(i), out var vector), $"embedding {i}");
            Assert.Equal(Vector(i), vector);
        }

        Assert.Equal(0, other.Length);
        Assert.Contains("is in use by another aro process (a temporary store was used)", EmbeddingStores.Describe(store, noCache: false), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cache_over_its_budget_is_read_but_not_grown()
    {
        using var temp = new TempDirectory();
        using (var store = EmbeddingStores.Open(Fingerprint, temp.File("cache"), noCache: false, _ => { }, Limits(), temp.File("spill")))
        {
            for (var i = 0; i < 50; i++)
            {
                store.Add(Key(i), Vector(i));
            }
        }

        var path = CacheLocation.FileFor(temp.File("cache"), Fingerprint);
        var size = new FileInfo(path).Length;
        var warnings = new List<string>();
        using (var store = EmbeddingStores.Open(Fingerprint, temp.File("cache"), noCache: false, warnings.Add, Limits(cache: size), temp.File("spill")))
        {
            for (var i = 50; i < 100; i++)
            {
                store.Add(Key(i), Vector(i));
            }

            for (var i = 0; i < 100; i++)
            {
                Assert.True(store.TryGet(Key(i), out var vector));
                Assert.Equal(Vector(i), vector);
            }

            Assert.True(store.IsFromEarlierRun(Key(10)));
            Assert.False(store.IsFromEarlierRun(Key(60)));
        }

        var warning = Assert.Single(warnings);
        Assert.Contains($"embedding cache {path} is {size / (1024.0 * 1024):0.#} MiB, at its budget of", warning, StringComparison.Ordinal);
        Assert.Contains("its 50 embeddings are used, but this run's new ones are not added to it", warning, StringComparison.Ordinal);
        Assert.Equal(size, new FileInfo(path).Length);
    }

    [Fact]
    public void A_cache_reaching_its_budget_mid_run_stops_growing_there()
    {
        using var temp = new TempDirectory();
        var recordSize = 16 + 4 + (4 * 4) + 8;
        var budget = EmbeddingCacheFile.HeaderSize + (10 * recordSize);
        var warnings = new List<string>();
        using (var store = EmbeddingStores.Open(Fingerprint, temp.File("cache"), noCache: false, warnings.Add, Limits(cache: budget), temp.File("spill")))
        {
            for (var i = 0; i < 40; i++)
            {
                store.Add(Key(i), Vector(i));
            }

            for (var i = 0; i < 40; i++)
            {
                Assert.True(store.TryGet(Key(i), out var vector));
                Assert.Equal(Vector(i), vector);
            }
        }

        Assert.Contains("reached its budget of", Assert.Single(warnings), StringComparison.Ordinal);
        var path = CacheLocation.FileFor(temp.File("cache"), Fingerprint);
        Assert.Equal(budget, new FileInfo(path).Length);
        using var reopened = EmbeddingCacheFile.Open(path, Fingerprint, w => Assert.Fail(w))!;
        Assert.Equal(10, reopened.LoadedRecords);
    }

    [Fact]
    public void A_disk_that_fills_mid_run_costs_one_warning_and_leaves_a_sound_cache()
    {
        using var temp = new TempDirectory();
        var warnings = new List<string>();
        var path = CacheLocation.FileFor(temp.File("cache"), Fingerprint);
        using (var store = EmbeddingStores.Open(Fingerprint, temp.File("cache"), noCache: false, warnings.Add, Limits(), temp.File("spill")))
        {
            var writes = 0;
            store.File!.BeforeAppend = () =>
            {
                if (++writes > 25)
                {
                    throw new IOException("No space left on device", 28);
                }
            };
            for (var i = 0; i < 60; i++)
            {
                store.Add(Key(i), Vector(i));
            }

            for (var i = 0; i < 60; i++)
            {
                Assert.True(store.TryGet(Key(i), out var vector));
                Assert.Equal(Vector(i), vector);
            }
        }

        var warning = Assert.Single(warnings);
        Assert.Contains($"embedding cache {path} cannot be written (the disk is full", warning, StringComparison.Ordinal);
        using var reopened = EmbeddingCacheFile.Open(path, Fingerprint, w => Assert.Fail(w))!;
        Assert.Equal(25, reopened.LoadedRecords);
    }

    [Fact]
    public void Without_a_usable_temporary_file_the_store_keeps_memory_alone_and_says_so()
    {
        using var temp = new TempDirectory();
        var notAFolder = temp.Write("file", "x");
        var warnings = new List<string>();
        using var store = EmbeddingStores.Open(Fingerprint, null, noCache: true, warnings.Add, Limits(memory: 16), Path.Combine(notAFolder, "spill"));
        for (var i = 0; i < 100; i++)
        {
            store.Add(Key(i), Vector(i));
        }

        var warning = Assert.Single(warnings);
        Assert.Contains($"the temporary file {Path.Combine(notAFolder, "spill")}", warning, StringComparison.Ordinal);
        Assert.Contains("a part of the path is a file, not a folder", warning, StringComparison.Ordinal);
        Assert.Contains("new embeddings are now kept in memory only (up to 16 besides the batches in flight)", warning, StringComparison.Ordinal);
        Assert.Equal(16, store.InMemory);
        Assert.True(store.TryGet(Key(99), out _));
        Assert.False(store.TryGet(Key(0), out _));
    }

    [Fact]
    public void A_full_temporary_file_is_kept_for_reading_and_memory_takes_the_rest()
    {
        using var temp = new TempDirectory();
        var recordSize = 16 + 4 + (4 * 4) + 8;
        var warnings = new List<string>();
        using var store = EmbeddingStores.Open(Fingerprint, null, noCache: true, warnings.Add,
            Limits(memory: 16, spill: EmbeddingCacheFile.HeaderSize + (30 * recordSize)), temp.File("spill"));
        for (var i = 0; i < 100; i++)
        {
            store.Add(Key(i), Vector(i));
        }

        Assert.Contains("reached its budget of", Assert.Single(warnings), StringComparison.Ordinal);
        Assert.True(store.TryGet(Key(99), out _), "the latest are in memory");
        Assert.False(store.TryGet(Key(40), out _), "past the temporary file's limit and forgotten by memory");
        for (var i = 0; i < 30; i++)
        {
            Assert.True(store.TryGet(Key(i), out var vector), $"embedding {i} is in the temporary file");
            Assert.Equal(Vector(i), vector);
        }
    }

    [Fact]
    public void No_cache_writes_only_a_temporary_file_which_is_gone_afterwards()
    {
        using var temp = new TempDirectory();
        var warnings = new List<string>();
        string spill;
        using (var store = EmbeddingStores.Open(Fingerprint, temp.File("cache"), noCache: true, warnings.Add, Limits(), temp.File("spill")))
        {
            store.Add(Key(1), Vector(1));
            spill = store.SpillPath!;
            Assert.True(File.Exists(spill));
        }

        Assert.Empty(warnings);
        Assert.False(File.Exists(spill));
        Assert.False(Directory.Exists(temp.File("cache")));
    }

    [Fact]
    public void A_cache_path_that_is_not_a_regular_file_is_not_opened()
    {
        using var temp = new TempDirectory();
        var path = CacheLocation.FileFor(temp.File("cache"), Fingerprint);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, "/dev/zero");
        var warnings = new List<string>();

        using var store = EmbeddingStores.Open(Fingerprint, temp.File("cache"), noCache: false, warnings.Add, Limits(), temp.File("spill"));
        store.Add(Key(1), Vector(1));

        Assert.Contains($"embedding cache {path} is a character device, not a regular file", Assert.Single(warnings), StringComparison.Ordinal);
        Assert.True(store.TryGet(Key(1), out _));
    }

    [Theory]
    [InlineData("ARO_CACHE_MAX_MIB", "lots")]
    [InlineData("ARO_SPILL_MAX_MIB", "-1")]
    [InlineData("ARO_CACHE_MEMORY_ENTRIES", "4")]
    public void A_bad_limit_in_the_environment_is_an_input_error_naming_it(string variable, string value)
    {
        var error = Assert.Throws<AroInputException>(() => EmbeddingStoreLimits.FromEnvironment(name => name == variable ? value : null));

        Assert.Contains($"environment variable {variable} is '{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_in_the_environment_are_read_in_mib_and_entries()
    {
        var values = new Dictionary<string, string> { ["ARO_CACHE_MAX_MIB"] = "3", ["ARO_SPILL_MAX_MIB"] = "5", ["ARO_CACHE_MEMORY_ENTRIES"] = "100" };

        var limits = EmbeddingStoreLimits.FromEnvironment(values.GetValueOrDefault);

        Assert.Equal(new EmbeddingStoreLimits(100, 3L << 20, 5L << 20), limits);
        Assert.Equal(EmbeddingStoreLimits.Default, EmbeddingStoreLimits.FromEnvironment(_ => null));
    }
}
