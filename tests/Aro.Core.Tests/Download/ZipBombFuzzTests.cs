using System.IO.Compression;
using System.Security.Cryptography;
using Aro.Core.Download;
using Aro.Core.Tests.Support.Fuzzing;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Download;

/// <summary>
/// Random archives mixing incompressible entries (like JPEGs), runs of zeros small enough to compress less than
/// 50:1 and large enough to compress more than 800:1 (at deflate's optimal and smallest levels; about 100:1 at the
/// fastest), and medium-ratio text, stored or deflated at every level,
/// under limits of 1 MiB per entry and 3 MiB in all. Each archive is unpacked exactly (every file equal to its
/// entry) when it is within the limits by construction — no entry over 1 MiB, none of the big zero runs, 3 MiB in
/// all — and otherwise refused naming the archive, with nothing written.
/// </summary>
[Collection(FuzzCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class ZipBombFuzzTests(ITestOutputHelper output)
{
    private static readonly ZipLimits Limits = ZipLimits.Default with { MaxEntryBytes = 1 << 20, MaxTotalBytes = 3 << 20 };

    [Fact]
    public async Task Archives_unpack_exactly_within_the_limits_or_are_refused_untouched()
    {
        using var temp = new TempDirectory();
        var random = new Random(7);
        var cases = new Dictionary<string, (List<(string Name, string Sha256)> Entries, bool Acceptable)>(StringComparer.Ordinal);
        var inputs = Enumerable.Range(0, 80).Select(i =>
        {
            var level = (CompressionLevel)random.Next(4);
            var (entries, acceptable) = Archive(random, level);
            var name = $"archive-{i}";
            cases[name] = ([.. entries.Select(e => (e.Key, Sha256(e.Value)))], acceptable);
            return new FuzzInput(name, TestZip.Create(entries, level));
        });

        var report = await FuzzRunner.RunAsync("ZipExtractor.ExtractAsync on bombs", inputs, async input =>
        {
            var zip = temp.File(input.Description + ".zip");
            var folder = temp.File(input.Description);
            await File.WriteAllBytesAsync(zip, input.Bytes);
            try
            {
                await ZipExtractor.ExtractAsync(zip, folder, "", Limits);
            }
            finally
            {
                File.Delete(zip);
            }

            var (entries, acceptable) = cases[input.Description];
            if (!acceptable)
            {
                return "an archive beyond the limits was unpacked";
            }

            var differs = entries.FirstOrDefault(e => Sha256(File.ReadAllBytes(Path.Combine(folder, e.Name))) != e.Sha256).Name;
            Directory.Delete(folder, recursive: true);
            return differs is null ? null : $"{differs} differs from its entry";
        }, (input, error) =>
            cases[input.Description].Acceptable ? "an archive within the limits was refused"
            : !error.Message.StartsWith($"refusing to unpack {input.Description}.zip: ", StringComparison.Ordinal) ? "the refusal does not name the archive"
            : Directory.Exists(temp.File(input.Description)) ? "something was written before the refusal"
            : null);

        FuzzAssert.Clean(report, output, allocationBound: 64L << 20, minimumInputs: 80);
        output.WriteLine($"{cases.Values.Count(c => c.Acceptable)} of {cases.Count} archives within the limits");
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static (List<KeyValuePair<string, byte[]>> Entries, bool Acceptable) Archive(Random random, CompressionLevel level)
    {
        var entries = new List<KeyValuePair<string, byte[]>>();
        var acceptable = true;
        long total = 0;
        var count = 1 + random.Next(16);
        for (var e = 0; e < count; e++)
        {
            byte[] bytes;
            switch (random.Next(5))
            {
                case 0:
                    // Zeros compress about 1000:1 once long (deflate's best levels); under 200 bytes at most 40:1.
                    bytes = new byte[random.Next(200)];
                    break;
                case 1:
                    // A bomb (over 800:1) at the optimal and smallest levels; stored, or at the fastest level (which
                    // gets only about 100:1 out of zeros), just zeros of a fine size.
                    bytes = new byte[(64 << 10) + random.Next(512 << 10)];
                    acceptable &= level is CompressionLevel.NoCompression or CompressionLevel.Fastest;
                    break;
                case 2:
                    bytes = Text(random, random.Next(100_000));
                    break;
                default:
                    bytes = RandomNumberGenerator.GetBytes(random.Next(1 << 10, random.Next(10) == 0 ? (1 << 20) + 4096 : 120_000));
                    acceptable &= bytes.Length <= 1 << 20;
                    break;
            }

            total += bytes.Length;
            entries.Add(KeyValuePair.Create($"images/{e}.jpg", bytes));
        }

        return (entries, acceptable && total <= 3 << 20);
    }

    /// <summary>Words drawn at random: compresses a few times over, never near 200:1.</summary>
    private static byte[] Text(Random random, int length)
    {
        string[] words = ["red", "square", "left", "of", "the", "circle", "blue", "triangle", "above", "a", "green", "star", "below"];
        var text = new System.Text.StringBuilder();
        while (text.Length < length)
        {
            text.Append(words[random.Next(words.Length)]).Append(random.Next(7) == 0 ? '\n' : ' ');
        }

        return System.Text.Encoding.ASCII.GetBytes(text.ToString(0, length));
    }
}
