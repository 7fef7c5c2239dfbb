using Aro.Core.IO;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.IO;

/// <summary>
/// Real failures, made without root where the kernel allows: /dev/full answers every write with ENOSPC, a file in
/// the middle of a path gives ENOTDIR, a 300-character name ENAMETOOLONG, an exclusively opened file EWOULDBLOCK.
/// Read-only and permission errors are checked on the errno values .NET carries (root ignores permissions, and a
/// read-only mount needs privileges; the CLI tests mount one for real).
/// </summary>
public sealed class FileSystemErrorsTests
{
    [SkippableFact]
    public void A_full_disk_is_named_with_what_to_do()
    {
        Skip.IfNot(File.Exists("/dev/full"), "no /dev/full on this system");
        var error = Assert.ThrowsAny<IOException>(() =>
        {
            using var stream = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            stream.Write(new byte[4096]);
            stream.Flush();
        });

        Assert.Equal(FileSystemProblem.DiskFull, FileSystemErrors.Classify(error));
        var clean = FileSystemErrors.ToInputError(error, "write the results folder /out/x");
        Assert.Equal(2, clean.ExitCode);
        Assert.Equal(
            "cannot write the results folder /out/x: the disk is full (no space left on the device, or the disk quota is used up); " +
            "free some space, or choose a place on another disk", clean.Message);
        Assert.Equal("cannot write /out/x: the disk is full (no space left on the device, or the disk quota is used up); choose another --out",
            FileSystemErrors.ToInputError(error, "write /out/x", "choose another --out").Message);
    }

    [Fact]
    public void A_file_where_a_folder_should_be_is_named_as_such()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("results", "not a folder");

        var create = Assert.ThrowsAny<IOException>(() => Directory.CreateDirectory(file));
        var below = Assert.ThrowsAny<IOException>(() => File.WriteAllText(Path.Combine(file, "summary.csv"), "x"));

        var target = Path.Combine(file, "summary.csv");
        Assert.Equal(FileSystemProblem.NotAFolder, FileSystemErrors.Classify(create));
        Assert.Equal(FileSystemProblem.NotAFolder, FileSystemErrors.Classify(below, target));
        Assert.Equal("a part of the path is a file, not a folder", FileSystemErrors.Describe(below, target));

        // Without the path, .NET's DirectoryNotFoundException cannot be told from a missing folder.
        Assert.Equal(FileSystemProblem.NotFound, FileSystemErrors.Classify(below));
        Assert.Equal(FileSystemProblem.NotFound, FileSystemErrors.Classify(below, temp.File("no", "such", "folder", "x.csv")));
    }

    [Fact]
    public void A_name_too_long_is_named_as_such()
    {
        using var temp = new TempDirectory();

        var error = Assert.ThrowsAny<IOException>(() => File.WriteAllText(temp.File(new string('n', 300)), "x"));

        Assert.Equal(FileSystemProblem.PathTooLong, FileSystemErrors.Classify(error));
        Assert.Contains("too long", FileSystemErrors.ToInputError(error, "write x").Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_file_held_exclusively_by_another_open_is_in_use()
    {
        Skip.If(OperatingSystem.IsWindows(), "flock semantics");
        using var temp = new TempDirectory();
        var path = temp.Write("held", "x");
        using var holder = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var error = Assert.ThrowsAny<IOException>(() => new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose());

        Assert.Equal(FileSystemProblem.InUse, FileSystemErrors.Classify(error));
    }

    [SkippableTheory]
    [InlineData(30, FileSystemProblem.ReadOnly, "the file system is read-only")]
    [InlineData(28, FileSystemProblem.DiskFull, "the disk is full (no space left on the device, or the disk quota is used up)")]
    [InlineData(122, FileSystemProblem.DiskFull, "the disk is full (no space left on the device, or the disk quota is used up)")]
    [InlineData(13, FileSystemProblem.AccessDenied, "permission denied")]
    [InlineData(5, FileSystemProblem.Other, "Input/output error")]
    public void Linux_errno_values_are_classified(int errno, FileSystemProblem problem, string description)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "Linux errno values");
        var error = new IOException(errno == 5 ? "Input/output error" : "failed", errno);

        Assert.Equal(problem, FileSystemErrors.Classify(error));
        Assert.Equal(description, FileSystemErrors.Describe(error));
    }

    [Fact]
    public void Permission_errors_are_access_denied_and_other_exceptions_are_not_file_system_errors()
    {
        Assert.Equal(FileSystemProblem.AccessDenied, FileSystemErrors.Classify(new UnauthorizedAccessException("Access to the path '/x' is denied.")));
        Assert.True(FileSystemErrors.IsFileSystemError(new UnauthorizedAccessException()));
        Assert.False(FileSystemErrors.IsFileSystemError(new InvalidOperationException()));
        Assert.Equal(FileSystemProblem.Other, FileSystemErrors.Classify(new InvalidOperationException()));
    }
}
