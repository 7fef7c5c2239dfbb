using Aro.Cli.Tests.Support;
using Aro.TestProbe;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Cli.Tests.Commands;

/// <summary>
/// Every file aro writes goes through AtomicFile (temp + flush + rename). A child process rewrites an 8 MB file
/// in a loop, alternating two versions, and is killed with SIGKILL at a spread of moments: afterwards the file is
/// always one complete version, never a mix or a truncation.
/// </summary>
public sealed class AtomicWriteKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_writer_leaves_the_old_or_the_new_file()
    {
        using var temp = new TempDirectory();
        const int megabytes = 8;
        var path = temp.File("result.csv");
        var a = AtomicWriteContent.Make('A', megabytes * 1024 * 1024);
        var b = AtomicWriteContent.Make('B', megabytes * 1024 * 1024);
        File.WriteAllBytes(path, a);
        var outcomes = new Dictionary<char, int> { ['A'] = 0, ['B'] = 0 };
        for (var round = 0; round < 12; round++)
        {
            using var process = ChildProcess.Start("Aro.TestProbe", ["atomic-write", path, megabytes.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            Assert.Equal("ready", await process.StandardOutput.ReadLineAsync());
            Thread.Sleep(37 * (round + 1));
            process.Kill();
            process.WaitForExit();

            var bytes = File.ReadAllBytes(path);
            var isA = bytes.AsSpan().SequenceEqual(a);
            var isB = bytes.AsSpan().SequenceEqual(b);
            Assert.True(isA || isB, $"round {round}: the file is neither version ({bytes.Length} bytes)");
            outcomes[isA ? 'A' : 'B']++;
        }

        output.WriteLine($"after 12 kills: version A {outcomes['A']} times, version B {outcomes['B']} times");
    }
}
