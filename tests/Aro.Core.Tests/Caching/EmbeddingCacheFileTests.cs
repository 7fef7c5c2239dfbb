using Aro.Core.Caching;
using Aro.Core.Cases;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Caching;

/// <summary>The embedding cache is reused when sound and never trusted when not: every problem is a warning, not a wrong vector.</summary>
public sealed class EmbeddingCacheFileTests
{
    private static readonly byte[] Fingerprint = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    private static EmbeddingKey Key(int i) => EmbeddingKey.ForCaption(Fingerprint, $"caption {i}");

    private static string WriteThree(TempDirectory temp)
    {
        var path = temp.File("embeddings.bin");
        using var file = EmbeddingCacheFile.Open(path, Fingerprint, _ => { })!;
        for (var i = 0; i < 3; i++)
        {
            file.Append(Key(i), [i, i + 0.5f, -i]);
        }

        return path;
    }

    [Fact]
    public void Entries_survive_a_reopen_and_count_as_earlier_runs()
    {
        using var temp = new TempDirectory();
        var path = WriteThree(temp);
        var warnings = new List<string>();

        using var file = EmbeddingCacheFile.Open(path, Fingerprint, warnings.Add)!;

        Assert.Empty(warnings);
        Assert.Equal(3, file.LoadedRecords);
        Assert.True(file.TryRead(Key(2), out var vector));
        Assert.Equal([2f, 2.5f, -2f], vector);
        Assert.True(file.IsFromEarlierRun(Key(1)));
        file.Append(Key(9), [9f]);
        Assert.False(file.IsFromEarlierRun(Key(9)));
    }

    [Fact]
    public void A_flipped_byte_cuts_the_file_back_to_the_last_good_record_with_a_warning()
    {
        using var temp = new TempDirectory();
        var path = WriteThree(temp);
        var bytes = File.ReadAllBytes(path);
        var recordSize = 16 + 4 + (3 * 4) + 8;
        bytes[EmbeddingCacheFile.HeaderSize + recordSize + 21] ^= 0x40; // a float of the second record
        File.WriteAllBytes(path, bytes);
        var warnings = new List<string>();

        using var file = EmbeddingCacheFile.Open(path, Fingerprint, warnings.Add)!;

        Assert.Contains("corrupt or truncated after 1 records", Assert.Single(warnings));
        Assert.True(file.TryRead(Key(0), out _));
        Assert.False(file.TryRead(Key(1), out _));
        Assert.False(file.TryRead(Key(2), out _));
        Assert.Equal(EmbeddingCacheFile.HeaderSize + recordSize, new FileInfo(path).Length);
    }

    [Fact]
    public void A_truncated_last_record_is_cut_off()
    {
        using var temp = new TempDirectory();
        var path = WriteThree(temp);
        using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(stream.Length - 5);
        }

        var warnings = new List<string>();
        using var file = EmbeddingCacheFile.Open(path, Fingerprint, warnings.Add)!;

        Assert.Single(warnings);
        Assert.Equal(2, file.Count);
    }

    [Fact]
    public void Another_models_cache_is_ignored_and_replaced()
    {
        using var temp = new TempDirectory();
        var path = WriteThree(temp);
        var other = Fingerprint.Reverse().ToArray();
        var warnings = new List<string>();

        using var file = EmbeddingCacheFile.Open(path, other, warnings.Add)!;

        Assert.Contains("not an aro cache for this model", Assert.Single(warnings));
        Assert.Equal(0, file.Count);
    }

    [Fact]
    public void A_foreign_file_is_ignored_and_replaced()
    {
        using var temp = new TempDirectory();
        var path = temp.File("embeddings.bin");
        File.WriteAllText(path, "this is not a cache at all, just some text that is long enough to have a header's size......");
        var warnings = new List<string>();

        using var file = EmbeddingCacheFile.Open(path, Fingerprint, warnings.Add)!;

        Assert.Single(warnings);
        Assert.False(file.TryRead(Key(0), out _));
    }

    [Fact]
    public void Keys_separate_crops_captions_and_models()
    {
        var content = new byte[32];
        var a = EmbeddingKey.ForImage(Fingerprint, content, new CropBox(1, 2, 3, 4));
        Assert.Equal(a, EmbeddingKey.ForImage(Fingerprint, content, new CropBox(1, 2, 3, 4)));
        Assert.NotEqual(a, EmbeddingKey.ForImage(Fingerprint, content, new CropBox(1, 2, 3, 5)));
        Assert.NotEqual(a, EmbeddingKey.ForImage(Fingerprint, content, null));
        Assert.NotEqual(a, EmbeddingKey.ForImage(Fingerprint.Reverse().ToArray(), content, new CropBox(1, 2, 3, 4)));
        Assert.NotEqual(EmbeddingKey.ForCaption(Fingerprint, "a dog"), EmbeddingKey.ForCaption(Fingerprint, "a dog "));
    }
}
