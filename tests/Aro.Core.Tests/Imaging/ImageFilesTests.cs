using Aro.Core.Imaging;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Imaging;

/// <summary>
/// Reading an image file fails as an <see cref="ImageLoadException"/> naming it, never otherwise; only regular files
/// are read: devices, FIFOs and sockets, also behind symbolic links, are refused before they are opened.
/// </summary>
public sealed class ImageFilesTests
{
    private const string NotRegular = "not a regular file; aro reads only regular files";

    [SkippableFact]
    public void A_device_is_refused_unread()
    {
        // /dev/zero reports length 0 and never ends: File.ReadAllBytes allocated 4 GB on it and died out of memory.
        Skip.IfNot(File.Exists("/dev/zero"), "no /dev/zero on this system");
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ImageLoadException>(() => ImageFiles.Read("/dev/zero"));

        Assert.Equal($"is a character device, {NotRegular}", error.Problem);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 1 << 20);
    }

    [SkippableFact]
    public void A_link_to_a_device_is_refused_naming_its_target()
    {
        Skip.If(OperatingSystem.IsWindows(), "no /dev/zero on Windows");
        using var temp = new TempDirectory();
        var link = SpecialFiles.Link(temp.File("zero.jpg"), "/dev/zero");

        var error = Assert.Throws<ImageLoadException>(() => ImageFiles.Read(link));

        Assert.Equal($"is a character device, not a regular file (a link to /dev/zero); aro reads only regular files", error.Problem);
    }

    [SkippableFact]
    public void A_fifo_nobody_writes_to_is_refused_at_once_instead_of_blocking()
    {
        Skip.If(OperatingSystem.IsWindows(), "no FIFOs on Windows");
        using var temp = new TempDirectory();
        var fifo = SpecialFiles.Fifo(temp.File("pipe.jpg"));

        var read = Task.Run(() => ImageFiles.Read(fifo));

        Assert.True(Task.WaitAny([read], TimeSpan.FromSeconds(10)) == 0, "reading a FIFO blocked");
        var error = Assert.IsType<ImageLoadException>(read.Exception!.InnerException);
        Assert.Equal($"is a named pipe (FIFO), {NotRegular}", error.Problem);
    }

    [SkippableFact]
    public void A_socket_is_refused()
    {
        Skip.If(OperatingSystem.IsWindows(), "no Unix sockets on Windows");
        using var temp = new TempDirectory();
        using var socket = SpecialFiles.UnixSocket(temp.File("s.jpg"));

        var error = Assert.Throws<ImageLoadException>(() => ImageFiles.Read(temp.File("s.jpg")));

        Assert.Equal($"is a socket, {NotRegular}", error.Problem);
    }

    [Fact]
    public void A_folder_is_named_as_one()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<ImageLoadException>(() => ImageFiles.Read(temp.Path));

        Assert.Equal("is a folder, not a file", error.Problem);
    }

    [Fact]
    public void A_missing_file_and_a_dangling_link_are_not_found()
    {
        using var temp = new TempDirectory();
        var dangling = SpecialFiles.Link(temp.File("gone.jpg"), temp.File("nothing-here.jpg"));

        Assert.Equal("file not found", Assert.Throws<ImageLoadException>(() => ImageFiles.Read(temp.File("missing.jpg"))).Problem);
        Assert.Equal("file not found", Assert.Throws<ImageLoadException>(() => ImageFiles.Read(dangling)).Problem);
    }

    [Fact]
    public void A_link_to_a_regular_file_is_read()
    {
        using var temp = new TempDirectory();
        var real = temp.Write("real.jpg", "not really a jpeg, but bytes");

        Assert.Equal(File.ReadAllBytes(real), ImageFiles.Read(SpecialFiles.Link(temp.File("link.jpg"), real)));
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<ImageLoadException>(() => ImageFiles.Read(temp.Write("empty.jpg", "")));

        Assert.Equal("is empty", error.Problem);
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
