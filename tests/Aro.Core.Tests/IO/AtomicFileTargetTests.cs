using Aro.Core.IO;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.IO;

/// <summary>
/// An atomic write replaces a regular file or creates one, and refuses anything else before writing: renaming over
/// a device put a regular file in place of /dev/null for every process on a machine (as root, `--out /dev/null`).
/// Devices are reached through links in a temporary folder, so a broken refusal replaces the link, not the device.
/// </summary>
public sealed class AtomicFileTargetTests
{
    [SkippableFact]
    public void A_device_a_fifo_and_a_folder_are_refused_and_left_as_they_were()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file kinds");
        using var temp = new TempDirectory();
        var device = SpecialFiles.Link(temp.File("null.csv"), "/dev/null");
        var fifo = SpecialFiles.Fifo(temp.File("fifo.csv"));
        Directory.CreateDirectory(temp.File("folder.csv"));

        var toDevice = Assert.Throws<AroInputException>(() => AtomicFile.WriteText(device, "x"));
        var toFifo = Assert.Throws<AroInputException>(() => AtomicFile.WriteText(fifo, "x"));
        var toFolder = Assert.Throws<AroInputException>(() => AtomicFile.WriteText(temp.File("folder.csv"), "x"));

        Assert.Equal($"cannot write {device}: it is a character device, not a regular file; aro writes results only as regular files " +
            "(each written whole under a temporary name, then renamed over the old one), so name a file or a folder to write to instead", toDevice.Message);
        Assert.Contains("it is a named pipe (FIFO), not a regular file", toFifo.Message, StringComparison.Ordinal);
        Assert.Contains("it is a folder, not a regular file", toFolder.Message, StringComparison.Ordinal);
        Assert.Equal("character special file", SpecialFiles.TypeByCoreutils(device));
        Assert.Equal("fifo", SpecialFiles.TypeByCoreutils(fifo));
        Assert.Equal(3, Directory.GetFileSystemEntries(temp.Path).Length);
    }

    [Fact]
    public void A_regular_file_is_replaced_whole()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("summary.csv", "old");

        AtomicFile.WriteText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }
}
