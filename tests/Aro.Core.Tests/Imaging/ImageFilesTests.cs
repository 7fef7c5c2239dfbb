using Aro.Core.Imaging;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Imaging;

/// <summary>Reading an image file fails as an <see cref="ImageLoadException"/> naming it, never otherwise.</summary>
public sealed class ImageFilesTests
{
    [SkippableFact]
    public void A_device_is_refused_unread()
    {
        // /dev/zero reports length 0 and never ends: File.ReadAllBytes allocated 4 GB on it and died out of memory.
        Skip.IfNot(File.Exists("/dev/zero"), "no /dev/zero on this system");
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ImageLoadException>(() => ImageFiles.Read("/dev/zero"));

        Assert.Equal("is empty or not a regular file", error.Problem);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 1 << 20);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<ImageLoadException>(() => ImageFiles.Read(temp.Write("empty.jpg", "")));

        Assert.Equal("is empty or not a regular file", error.Problem);
    }

    [Theory]
    [InlineData("a\0b.jpg")]
    [InlineData("\0")]
    public void A_path_with_a_nul_character_is_an_image_error(string name)
    {
        var error = Assert.Throws<ImageLoadException>(() => ImageFiles.Read(Path.Combine(Path.GetTempPath(), name)));

        Assert.StartsWith("is not a valid path", error.Problem, StringComparison.Ordinal);
    }
}
