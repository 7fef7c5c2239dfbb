using System.Text;
using Aro.Core.Imaging;
using Aro.Core.IO;
using Aro.Core.Tests.Support.Fuzzing;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.IO;

/// <summary>
/// Image paths into a zoo of file kinds, made for real: regular files (empty and not), folders, FIFOs, sockets,
/// /dev/zero, /dev/null, /dev/full, /dev/urandom, dangling links, link loops, a file used as a folder, and chains
/// of one to five links (absolute and relative) ending in any of them. Each path must be read — exactly when its
/// final target is a non-empty regular file, with its bytes — or refused with an <see cref="ImageLoadException"/>
/// naming it, within 5 s (a FIFO that got opened would block for ever) and allocating under 1 MiB (/dev/zero read
/// would allocate until the process died).
/// </summary>
[Collection(FuzzCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class SpecialFileFuzzTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Every_path_is_read_only_when_it_ends_in_a_regular_file()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file kinds");
        using var temp = new TempDirectory();
        var random = new Random(13);
        var targets = Targets(temp);
        using var socket = SpecialFiles.UnixSocket(temp.File("socket.jpg"));
        var expected = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        var inputs = new List<FuzzInput>();
        foreach (var (path, content) in targets)
        {
            expected[path] = content;
            inputs.Add(new FuzzInput(path, Encoding.UTF8.GetBytes(path)));
        }

        for (var i = 0; i < 400; i++)
        {
            var (target, content) = targets[random.Next(targets.Count)];
            var path = target;
            var links = 1 + random.Next(5);
            for (var l = 0; l < links; l++)
            {
                var link = temp.File($"link-{i}-{l}.jpg");
                File.CreateSymbolicLink(link, random.Next(2) == 0 ? path : Path.GetRelativePath(temp.Path, path));
                path = link;
            }

            expected[path] = content;
            inputs.Add(new FuzzInput(path, Encoding.UTF8.GetBytes(path)));
        }

        var report = await FuzzRunner.RunAsync("ImageFiles.Read on special files", inputs, input =>
        {
            var bytes = ImageFiles.Read(input.Description);
            return Task.FromResult(expected[input.Description] is { } want
                ? bytes.AsSpan().SequenceEqual(want) ? null : "the bytes read differ from the file's"
                : $"read {bytes.Length} bytes from a path that does not end in a non-empty regular file (it ends in {File.ResolveLinkTarget(input.Description, true)?.FullName})");
        }, (input, error) =>
            error is not ImageLoadException ? "not an ImageLoadException"
            : !error.Message.StartsWith($"image {input.Description}: ", StringComparison.Ordinal) ? "the message does not name the path"
            : expected[input.Description] is not null ? "a regular file was refused"
            : null);

        FuzzAssert.Clean(report, output, allocationBound: 1 << 20, minimumInputs: 400);
    }

    /// <summary>What links may end in, with the bytes a read must give (null: it must be refused).</summary>
    private static List<(string Path, byte[]? Content)> Targets(TempDirectory temp)
    {
        var regular = Encoding.UTF8.GetBytes("regular bytes, not an image: ImageFiles.Read does not decode");
        File.WriteAllBytes(temp.File("regular.jpg"), regular);
        File.WriteAllBytes(temp.File("empty.jpg"), []);
        Directory.CreateDirectory(temp.File("folder.jpg"));
        SpecialFiles.Fifo(temp.File("fifo.jpg"));
        File.CreateSymbolicLink(temp.File("loop-a.jpg"), temp.File("loop-b.jpg"));
        File.CreateSymbolicLink(temp.File("loop-b.jpg"), temp.File("loop-a.jpg"));
        File.CreateSymbolicLink(temp.File("dangling.jpg"), temp.File("nothing.jpg"));
        return
        [
            (temp.File("regular.jpg"), regular),
            (temp.File("empty.jpg"), null),
            (temp.File("folder.jpg"), null),
            (temp.File("fifo.jpg"), null),
            (temp.File("socket.jpg"), null),
            (temp.File("loop-a.jpg"), null),
            (temp.File("dangling.jpg"), null),
            (temp.File("nothing.jpg"), null),
            (Path.Combine(temp.File("regular.jpg"), "below-a-file.jpg"), null),
            .. new[] { "/dev/zero", "/dev/null", "/dev/full", "/dev/urandom" }
                .Where(device => SpecialFiles.TypeByCoreutils(device) == "character special file") // not clobbered by some process on the machine
                .Select(device => (device, (byte[]?)null)),
        ];
    }
}
