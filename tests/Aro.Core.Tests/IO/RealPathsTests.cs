using Aro.Core.IO;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.IO;

/// <summary><see cref="RealPaths"/> against <c>realpath(1)</c> from coreutils, on links made in the test.</summary>
public sealed class RealPathsTests
{
    [Fact]
    public void Links_anywhere_along_the_path_are_resolved_as_realpath_does()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("disk", "images", "sub"));
        File.WriteAllText(temp.File("disk", "images", "sub", "a.jpg"), "x");
        Directory.CreateDirectory(temp.File("data"));
        File.CreateSymbolicLink(temp.File("data", "images"), temp.File("disk", "images"));
        File.CreateSymbolicLink(temp.File("data", "relative"), "../disk/images/sub");
        File.CreateSymbolicLink(temp.File("data", "chain"), temp.File("data", "relative"));
        File.CreateSymbolicLink(temp.File("disk", "images", "sub", "file-link.jpg"), "a.jpg");
        File.CreateSymbolicLink(temp.File("disk", "images", "sub", "up"), "..");

        string[] paths =
        [
            temp.File("data", "images", "sub", "a.jpg"),
            temp.File("data", "relative", "a.jpg"),
            temp.File("data", "chain", "file-link.jpg"),
            temp.File("data", "relative", "..", "sub", "a.jpg"), // ".." after a link climbs from its target
            temp.File("data", "relative", "up", "up", "images"),
            temp.File("data", "images", "sub", "missing", "x.jpg"), // missing parts are kept as written
            temp.File("data", ".", "images", "sub", "a.jpg"),
            temp.File("disk"),
        ];

        foreach (var path in paths)
        {
            Assert.Equal(Coreutils(path), RealPaths.Of(path));
        }
    }

    [Fact]
    public void A_loop_of_links_ends()
    {
        using var temp = new TempDirectory();
        File.CreateSymbolicLink(temp.File("a"), temp.File("b"));
        File.CreateSymbolicLink(temp.File("b"), temp.File("a"));

        var real = RealPaths.Of(temp.File("a", "x.jpg"));

        Assert.StartsWith(temp.Path, real, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/data/vg/images/a.jpg", "/data/vg", true)]
    [InlineData("/data/vg", "/data/vg", true)]
    [InlineData("/data/vg", "/data/vg/", true)]
    [InlineData("/data/vg-other/a.jpg", "/data/vg", false)]
    [InlineData("/data/a.jpg", "/data/vg", false)]
    [InlineData("/etc/passwd", "/", true)]
    public void Within_compares_whole_names(string path, string folder, bool within) =>
        Assert.Equal(within, RealPaths.IsWithin(path, folder));

    /// <summary><c>realpath -m</c>: every link resolved, missing parts allowed.</summary>
    private static string Coreutils(string path)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("realpath", ["-m", path]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().TrimEnd('\n');
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
