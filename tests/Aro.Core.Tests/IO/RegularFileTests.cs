using Aro.Core.IO;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.IO;

/// <summary>
/// File kinds are read from the file system (stat, following links) and checked against files made for real: a
/// FIFO from mkfifo, a bound Unix socket, /dev/null and /dev/zero, links to each.
/// </summary>
public sealed class RegularFileTests
{
    [SkippableFact]
    public void Kinds_are_those_of_the_link_targets()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file kinds");
        using var temp = new TempDirectory();
        var file = temp.Write("a.txt", "a");
        var fifo = SpecialFiles.Fifo(temp.File("fifo"));
        using var socket = SpecialFiles.UnixSocket(temp.File("socket"));

        Assert.Equal(FileKind.Regular, RegularFile.KindOf(file));
        Assert.Equal(FileKind.Directory, RegularFile.KindOf(temp.Path));
        Assert.Equal(FileKind.Fifo, RegularFile.KindOf(fifo));
        Assert.Equal(FileKind.Socket, RegularFile.KindOf(temp.File("socket")));
        Assert.Equal(FileKind.CharacterDevice, RegularFile.KindOf("/dev/null"));
        Assert.Equal(FileKind.Missing, RegularFile.KindOf(temp.File("nothing")));
        Assert.Equal(FileKind.Missing, RegularFile.KindOf(Path.Combine(file, "below-a-file")));
        Assert.Equal(FileKind.Regular, RegularFile.KindOf(SpecialFiles.Link(temp.File("to-file"), file)));
        Assert.Equal(FileKind.Fifo, RegularFile.KindOf(SpecialFiles.Link(temp.File("to-fifo"), fifo)));
        Assert.Equal(FileKind.CharacterDevice, RegularFile.KindOf(SpecialFiles.Link(temp.File("to-zero"), "/dev/zero")));
        Assert.Equal(FileKind.Missing, RegularFile.KindOf(SpecialFiles.Link(temp.File("dangling"), temp.File("nothing"))));
    }

    [SkippableFact]
    public void Require_refuses_special_files_by_name_and_lets_missing_ones_pass()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file kinds");
        using var temp = new TempDirectory();
        var fifo = SpecialFiles.Fifo(temp.File("cases.jsonl"));

        var error = Assert.Throws<AroInputException>(() => RegularFile.Require(fifo, "cases file"));
        var folder = Assert.Throws<AroInputException>(() => RegularFile.Require(temp.Path, "annotation file"));

        Assert.Equal($"cases file {fifo} is a named pipe (FIFO), not a regular file; aro reads only regular files", error.Message);
        Assert.Equal(2, error.ExitCode);
        Assert.Equal($"annotation file {temp.Path} is a folder, not a file", folder.Message);
        Assert.Equal(temp.File("missing"), RegularFile.Require(temp.File("missing"), "cases file"));
        Assert.Throws<ArgumentException>(() => RegularFile.Require("a\0b", "cases file"));
    }

    [SkippableFact]
    public void OpenRead_reads_regular_files_and_refuses_dev_zero_without_reading_it()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file kinds");
        using var temp = new TempDirectory();
        var file = temp.Write("a.txt", "hello");

        using (var stream = RegularFile.OpenRead(file, "annotation file"))
        {
            Assert.Equal(5, stream.Length);
        }

        var error = Assert.Throws<AroInputException>(() => RegularFile.OpenRead("/dev/zero", "ONNX graph"));
        Assert.Equal("ONNX graph /dev/zero is a character device, not a regular file; aro reads only regular files", error.Message);
    }
}
