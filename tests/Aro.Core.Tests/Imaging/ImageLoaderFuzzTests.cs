using System.Diagnostics;
using Aro.Core.Imaging;
using Aro.Core.Tests.Support.Fuzzing;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Imaging;

/// <summary>
/// <see cref="ImageLoader.Decode"/> over thousands of mutated images: every generated seed (JPEG, PNG, GIF, BMP,
/// WebP through Skia; TIFF, TGA, PBM through ImageSharp) truncated at many offsets, with random bytes overwritten,
/// ranges spliced, and headers edited to declare sizes from 0 to 2^31-1. Each input must decode to a sane image or
/// fail with an <see cref="ImageLoadException"/> naming the file, within 5 s, allocating at most one RGBA buffer
/// at the pixel limit, and the process must not grow.
/// </summary>
[Collection(FuzzCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class ImageLoaderFuzzTests(ITestOutputHelper output)
{
    private const string Name = "fuzz/image.bin";

    /// <summary>
    /// Six bytes a pixel at the limit (ImageSharp's RGB image and aro's copy; Skia needs four), plus 32 MiB of
    /// decoder state: 544 MiB.
    /// </summary>
    private const long AllocationBound = (ImageLoader.DefaultMaxPixels * 6) + (32L << 20);

    [Fact]
    public async Task Mutated_images_decode_or_fail_cleanly()
    {
        var loader = new ImageLoader();
        var report = await FuzzRunner.RunAsync("ImageLoader.Decode", Inputs(), input => Task.FromResult(Check(loader.Decode(input.Bytes, Name))),
            (_, error) => error is ImageLoadException && error.Message.StartsWith($"image {Name}: ", StringComparison.Ordinal)
                ? null : "not an ImageLoadException naming the file");

        FuzzAssert.Clean(report, output, AllocationBound, minimumInputs: 4_000);
    }

    [Fact]
    public void Declared_sizes_above_the_limit_are_refused_before_decoding()
    {
        var loader = new ImageLoader();
        var oversized = ImageSeeds.All.SelectMany(s => ImageHeaderEdits.For(s, includeUnderLimit: false))
            .Where(e => e.DeclaredPixels > loader.MaxPixels).ToList();
        var problems = new List<string>();
        foreach (var edit in oversized)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var error = Record.Exception(() => loader.Decode(edit.Input.Bytes, Name));
            clock.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

            // Decoding even the smallest refused size (9460 x 9460) would allocate 341 MiB and take far longer.
            if (error is not ImageLoadException || allocated > 4L << 20 || clock.ElapsedMilliseconds > 500)
            {
                problems.Add($"{edit.Input}: {error?.GetType().Name ?? "decoded"} after allocating {allocated} bytes in {clock.ElapsedMilliseconds} ms: {error?.Message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        output.WriteLine($"{oversized.Count} headers declaring more than {loader.MaxPixels} pixels refused before decoding");
        Assert.True(oversized.Count > 100);
    }

    private static IEnumerable<FuzzInput> Inputs()
    {
        var random = new Random(20240607);
        var firstOfFormat = new HashSet<string>();
        foreach (var seed in ImageSeeds.All)
        {
            yield return seed.Input;
            foreach (var input in ByteMutations.Truncations(seed.Input, 40))
            {
                yield return input;
            }

            foreach (var input in ByteMutations.Overwrites(seed.Input, random, 60))
            {
                yield return input;
            }

            foreach (var input in ByteMutations.Splices(seed.Input, random, 40))
            {
                yield return input;
            }

            // Sizes just under the limit make the decoder allocate 309 MiB before it finds the data missing: once
            // per format shows that is bounded and released, more would only slow the suite.
            foreach (var edit in ImageHeaderEdits.For(seed, includeUnderLimit: firstOfFormat.Add(seed.Format)))
            {
                yield return edit.Input;
            }
        }

        foreach (var input in ByteMutations.Garbage(random))
        {
            yield return input;
        }
    }

    private static string? Check(RgbPixels image)
    {
        if (image.Width <= 0 || image.Height <= 0 || (long)image.Width * image.Height > ImageLoader.DefaultMaxPixels)
        {
            return $"decoded to an impossible size {image.Width}x{image.Height}";
        }

        return image.Data.Length < image.Width * image.Height * 3 ? "the pixel buffer is too small" : null;
    }
}
