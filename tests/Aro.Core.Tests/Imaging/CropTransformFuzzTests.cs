using System.Globalization;
using System.Runtime.InteropServices;
using Aro.Core.Cases;
using Aro.Core.Imaging;
using Aro.Core.Perturbations;
using Aro.Core.Tests.Support.Fuzzing;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Imaging;

/// <summary>
/// <see cref="PilCrop"/> and the two model transforms over random and extreme crop boxes (NaN, infinities, negative
/// and zero sizes, coordinates past int, boxes far outside the image, boxes of one pixel by millions): each gives
/// a tensor or an <see cref="AroException"/> about the box, in bounded time and memory.
/// </summary>
[Collection(FuzzCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class CropTransformFuzzTests(ITestOutputHelper output)
{
    /// <summary>A crop at the pixel limit (3 bytes a pixel, 256 MiB) plus 64 MiB for the resize of whatever it gives.</summary>
    private const long AllocationBound = (ImageLoader.DefaultMaxPixels * 3) + (64L << 20);

    private static readonly double[] Values =
    [
        0, -0.0, 0.5, 1, 1.5, 2.5, 10, 22.5, 23, 36.6, 37, 100, 4096, 65_536, 1e6, 5.36e8, 1e9,
        int.MaxValue, 1e300, double.MaxValue, double.Epsilon, 1e-9, -0.5, -1, -10, -37, -1e6, -1e9, int.MinValue,
        -double.MaxValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
    ];

    [Fact]
    public async Task Crop_boxes_crop_or_fail_cleanly()
    {
        var image = new ImageLoader().Decode(ImageSeeds.All[1].Input.Bytes, "seed.png");
        var clip = new ClipImageTransform(ImageTransformSpec.Clip());
        var squash = new SquashImageTransform(ImageTransformSpec.Blip());
        var report = await FuzzRunner.RunAsync("PilCrop + transforms", Boxes(), input =>
        {
            var box = Box(input);
            var cropped = PilCrop.Crop(image, box);
            var tensor = new float[Math.Max(clip.TensorLength, squash.TensorLength)];
            clip.Apply(cropped, tensor);
            squash.Apply(cropped, tensor);
            return Task.FromResult(tensor.Any(float.IsNaN) ? "the tensor holds NaN" : null);
        }, (_, error) => error.Message.Contains("crop", StringComparison.Ordinal) ? null : "the message does not mention the crop box",
            // The 37 x 65535 box squashed to 384 x 384 is 300M multiply-adds: 0.8 s in Release, 2.2 s in a Debug build.
            TimeSpan.FromSeconds(10));

        FuzzAssert.Clean(report, output, AllocationBound, minimumInputs: 1_500);
    }

    private static IEnumerable<FuzzInput> Boxes()
    {
        // Shapes at the edges of the limits: a column and a row of the whole pixel budget, a square just over it,
        // the longest side allowed (a second of resizing: once, not in the random table).
        yield return Input(0, 0, 37, ImageLoader.MaxSide);
        yield return Input(0, 0, 1, ImageLoader.DefaultMaxPixels);
        yield return Input(0, 0, ImageLoader.DefaultMaxPixels, 1);
        yield return Input(0, 0, 1, 1e6);
        yield return Input(0, 0, 9460, 9460);
        yield return Input(-1e6, -1e6, 1, 1);
        yield return Input(0.5, 0.5, 0.5, 0.5);
        yield return Input(36.5, 22.5, 1, 1);
        var random = new Random(11);
        for (var n = 0; n < 1500; n++)
        {
            // Mostly plausible boxes around the 37x23 image, a third from the table of extremes.
            double Pick(double scale) => random.Next(3) == 0 ? Values[random.Next(Values.Length)] : Math.Round(((random.NextDouble() * 1.6) - 0.3) * scale, random.Next(3));
            yield return Input(Pick(37), Pick(23), Pick(37), Pick(23));
        }
    }

    private static FuzzInput Input(double x, double y, double w, double h) =>
        new(string.Create(CultureInfo.InvariantCulture, $"box [{x}, {y}, {w}, {h}]"), MemoryMarshal.AsBytes<double>([x, y, w, h]).ToArray());

    private static CropBox Box(FuzzInput input)
    {
        var v = MemoryMarshal.Cast<byte, double>(input.Bytes);
        return new CropBox(v[0], v[1], v[2], v[3]);
    }
}
