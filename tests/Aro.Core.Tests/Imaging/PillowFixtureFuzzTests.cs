using Aro.Core.Imaging;
using Aro.Core.Tests.Support.Fuzzing;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Imaging;

/// <summary>
/// The decoders that reproduce PIL's modes (<see cref="GifDecoder"/>, <see cref="LibTiffDecoder"/>,
/// <see cref="PnmDecoder"/>, the 16-bit grey PNG, short-palette PNG and 16-bit BMP roads) over mutations of the Pillow fixtures in those modes: truncated,
/// overwritten and spliced bytes must decode to a sane image or fail with an <see cref="ImageLoadException"/> naming
/// the file, within the fuzz suite's time and memory bounds.
/// </summary>
[Collection(FuzzCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class PillowFixtureFuzzTests(ITestOutputHelper output)
{
    private const string Name = "fuzz/pillow.bin";

    private static readonly string[] Seeds =
    [
        "transparent.gif", "frame-inside-trns.gif", "interlaced-trns.gif", "animated-trns.gif", "index-past-table.gif", "pillow-trns.gif", "pillow-256.gif", "no-palette.gif",
        "frame-past-screen.gif",
        "cmyk-raw.tif", "cmyk-tiff_lzw.tif", "cmyk-tiff_adobe_deflate.tif", "cmyk-packbits.tif", "grey16.tif", "bilevel.tif", "palette.tif",
        "grey16.png", "palette-short.png", "rgb565.bmp", "rgb555.bmp", "grey16.pgm",
        "maxval1000.pgm", "maxval4000.ppm", "maxval100.ppm",
    ];

    [Fact]
    public async Task Mutated_pillow_fixtures_decode_or_fail_cleanly()
    {
        var loader = new ImageLoader();
        var report = await FuzzRunner.RunAsync("ImageLoader.Decode (PIL-mode roads)", Inputs(), input =>
            {
                using var image = loader.Decode(input.Bytes, Name);
                return Task.FromResult(image.Width > 0 && image.Height > 0 && image.Data.Length >= image.Width * image.Height * 3
                    ? null : $"decoded to {image.Width}x{image.Height} over {image.Data.Length} bytes");
            },
            (_, error) => error is ImageLoadException && error.Message.StartsWith($"image {Name}: ", StringComparison.Ordinal)
                ? null : "not an ImageLoadException naming the file");

        // A mutated header may declare any size within the pixel limit, and every road allocates for the declared
        // size before it finds the data missing (as PIL does): the bound is ImageLoaderFuzzTests', six bytes a pixel
        // at the limit. Allocations past it (a palette sized by a corrupt bit depth, libtiff trusting a tag count) were
        // found here and fixed. PGM/PPM mutations that still say maxval 255 reach ImageSharp, within the same bound.
        FuzzAssert.Clean(report, output, (ImageLoader.DefaultMaxPixels * 6) + (32L << 20), minimumInputs: 3_000);
    }

    private static IEnumerable<FuzzInput> Inputs()
    {
        var random = new Random(20240612);
        foreach (var file in Seeds)
        {
            var seed = new FuzzInput(file, File.ReadAllBytes(RepoPaths.InRepo("tests", "fixtures", "pillow", "decode", file)));
            yield return seed;
            foreach (var input in ByteMutations.Truncations(seed, 40).Concat(ByteMutations.Overwrites(seed, random, 60)).Concat(ByteMutations.Splices(seed, random, 40)))
            {
                yield return input;
            }
        }
    }
}
