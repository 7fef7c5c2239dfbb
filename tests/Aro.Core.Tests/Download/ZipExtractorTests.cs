using System.IO.Compression;
using System.Text;
using Aro.Core.Download;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Download;

/// <summary><see cref="ZipExtractor"/>: extracts under a prefix, resumes, and refuses unsafe archives before writing anything.</summary>
public sealed class ZipExtractorTests
{
    [Fact]
    public async Task Extracts_the_entries_under_a_prefix_and_skips_files_already_there()
    {
        using var temp = new TempDirectory();
        var zip = Write(temp, TestZip.Create([Entry("images/1.jpg", "one"), Entry("images/sub/2.jpg", "two"), Entry("readme.txt", "hi")]));
        var destination = temp.File("images");
        Directory.CreateDirectory(destination);
        await File.WriteAllTextAsync(Path.Combine(destination, "1.jpg"), "one");

        var result = await ZipExtractor.ExtractAsync(zip, destination, "images/", ZipLimits.Default);

        Assert.Equal("two", await File.ReadAllTextAsync(Path.Combine(destination, "sub", "2.jpg")));
        Assert.Equal((1, 1), (result.Extracted, result.AlreadyPresent));
        Assert.False(File.Exists(Path.Combine(destination, "readme.txt")));
        Assert.Empty(Directory.EnumerateFiles(destination, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("images/../../evil.txt")]
    [InlineData("/tmp/evil.txt")]
    [InlineData("C:/evil.txt")]
    [InlineData("..\\evil.txt")]
    public async Task An_entry_leaving_the_folder_is_refused_and_nothing_is_extracted(string name)
    {
        using var temp = new TempDirectory();
        var zip = Write(temp, TestZip.Create([Entry("images/good.jpg", "ok"), Entry(name, "pwned")]));
        var destination = temp.File("data", "images");

        var error = await Assert.ThrowsAsync<AroException>(() => ZipExtractor.ExtractAsync(zip, destination, "", ZipLimits.Default));

        Assert.Contains($"entry '{name}' points outside the folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was extracted", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(destination));
        Assert.Empty(Directory.EnumerateFiles(temp.Path, "evil.txt", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_symbolic_link_entry_is_refused()
    {
        using var temp = new TempDirectory();
        var zip = Write(temp, TestZip.WithSymlink("images/link.jpg", "/etc/passwd"));

        var error = await Assert.ThrowsAsync<AroException>(() => ZipExtractor.ExtractAsync(zip, temp.File("images"), "", ZipLimits.Default));

        Assert.Contains("is a symbolic link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sizes_beyond_the_limits_are_refused()
    {
        using var temp = new TempDirectory();
        // Incompressible, like JPEGs: these sizes are refused for their size, not their compression ratio.
        var zip = Write(temp, TestZip.Create([KeyValuePair.Create("a.jpg", FastDownloads.RandomBytes(5000)), KeyValuePair.Create("b.jpg", FastDownloads.RandomBytes(5000))]));

        var perFile = await Assert.ThrowsAsync<AroException>(() =>
            ZipExtractor.ExtractAsync(zip, temp.File("out"), "", ZipLimits.Default with { MaxEntryBytes = 4000 }));
        var total = await Assert.ThrowsAsync<AroException>(() =>
            ZipExtractor.ExtractAsync(zip, temp.File("out"), "", ZipLimits.Default with { MaxTotalBytes = 8000 }));
        var count = await Assert.ThrowsAsync<AroException>(() =>
            ZipExtractor.ExtractAsync(zip, temp.File("out"), "", ZipLimits.Default with { MaxEntries = 1 }));

        Assert.Contains("more than the 4000 allowed per file", perFile.Message, StringComparison.Ordinal);
        Assert.Contains("unpacks to more than 8000 bytes", total.Message, StringComparison.Ordinal);
        Assert.Contains("has 2 entries", count.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public async Task A_zip_bomb_is_refused()
    {
        using var temp = new TempDirectory();
        var zip = Write(temp, TestZip.Create([KeyValuePair.Create("zeros.bin", new byte[8 << 20])], CompressionLevel.SmallestSize));

        var error = await Assert.ThrowsAsync<AroException>(() => ZipExtractor.ExtractAsync(zip, temp.File("out"), "", ZipLimits.Default));

        Assert.Contains("is compressed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Small_entries_are_ratio_checked_too()
    {
        // 64 entries of 1 MiB of zeros: a 70 KB archive that unpacked to 64 MiB when entries up to 1 MiB went unchecked.
        using var temp = new TempDirectory();
        var zip = Write(temp, TestZip.Create(Enumerable.Range(0, 64).Select(i => KeyValuePair.Create($"images/{i}.jpg", new byte[1 << 20])), CompressionLevel.SmallestSize));
        Assert.True(new FileInfo(zip).Length < 200_000);

        var error = await Assert.ThrowsAsync<AroException>(() => ZipExtractor.ExtractAsync(zip, temp.File("out"), "", ZipLimits.Default));
        var tiny = Write(temp, TestZip.Create([KeyValuePair.Create("small.jpg", new byte[20_000])], CompressionLevel.SmallestSize));
        var small = await Assert.ThrowsAsync<AroException>(() => ZipExtractor.ExtractAsync(tiny, temp.File("out"), "", ZipLimits.Default));

        Assert.StartsWith("refusing to unpack archive.zip: entry 'images/0.jpg' is compressed ", error.Message, StringComparison.Ordinal);
        Assert.Contains(":1, more than the 200:1 allowed. Nothing was extracted from it.", error.Message, StringComparison.Ordinal);
        Assert.Contains("entry 'small.jpg' is compressed", small.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public async Task The_total_budget_is_eight_gib_and_counts_every_entry()
    {
        using var temp = new TempDirectory();
        var zip = Write(temp, TestZip.Create(Enumerable.Range(0, 5).Select(i => KeyValuePair.Create($"{i}.jpg", FastDownloads.RandomBytes(3000)))));

        var error = await Assert.ThrowsAsync<AroException>(() =>
            ZipExtractor.ExtractAsync(zip, temp.File("out"), "", ZipLimits.Default with { MaxTotalBytes = 14_000 }));

        Assert.Equal(8L << 30, ZipLimits.Default.MaxTotalBytes);
        Assert.Contains("it unpacks to more than 14000 bytes", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_is_an_error_saying_to_download_again()
    {
        using var temp = new TempDirectory();
        var zip = temp.Write("broken.zip", "<html>not a zip</html>");

        var error = await Assert.ThrowsAsync<AroException>(() => ZipExtractor.ExtractAsync(zip, temp.File("out"), "", ZipLimits.Default));

        Assert.Contains("is not a readable zip archive", error.Message, StringComparison.Ordinal);
    }

    private static KeyValuePair<string, byte[]> Entry(string name, string text) => KeyValuePair.Create(name, Encoding.UTF8.GetBytes(text));

    private static string Write(TempDirectory temp, byte[] zip)
    {
        var path = temp.File("archive.zip");
        File.WriteAllBytes(path, zip);
        return path;
    }
}
