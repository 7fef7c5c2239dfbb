using Aro.Core.Imaging;
using Xunit;

namespace Aro.Core.Tests.Imaging;

/// <summary>
/// The AVX2 resample passes against the scalar ones, and the scalar ones against a plain transcription of Pillow's
/// algorithm (<see cref="PillowResampleReference"/>), byte for byte, on random sources, output sizes and windows:
/// upscales and downscales by up to 100x, sides of 1, widths whose rows are shorter than a vector, row counts that
/// leave a partial block of 8, and windows that skip a pass.
/// </summary>
public sealed class ResamplerVectorParityTests
{
    public static TheoryData<ResampleFilter> Filters => [ResampleFilter.Bilinear, ResampleFilter.Bicubic];

    [Theory]
    [MemberData(nameof(Filters))]
    public void Scalar_passes_equal_pillows_algorithm(ResampleFilter filter)
    {
        foreach (var c in Cases(seed: 1, count: 300, maxSide: 60))
        {
            using var actual = Resize(c, filter, vectorised: false);
            var expected = PillowResampleReference.ResizeWindow(c.Source, filter, c.Width, c.Height, c.Left, c.Top, c.WindowWidth, c.WindowHeight);
            AssertSame(expected, actual, c);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Filters))]
    public void Vector_passes_equal_the_scalar_passes(ResampleFilter filter)
    {
        Skip.IfNot(ResamplePassesAvx2.IsSupported, "this CPU has no AVX2: only the scalar passes run here");
        foreach (var c in Cases(seed: 2, count: 1500, maxSide: 120).Concat(LargeCases()))
        {
            using var scalar = Resize(c, filter, vectorised: false);
            using var vector = Resize(c, filter, vectorised: true);
            AssertSame(scalar.ToArray(), vector, c);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Filters))]
    public void Vector_passes_equal_pillows_algorithm_on_extreme_pixels(ResampleFilter filter)
    {
        // Only 0 and 255: the bicubic's negative lobes push sums furthest past 0..255, testing the clamps.
        Skip.IfNot(ResamplePassesAvx2.IsSupported, "this CPU has no AVX2: only the scalar passes run here");
        var random = new Random(3);
        for (var n = 0; n < 200; n++)
        {
            var c = RandomCase(random, 70);
            var data = c.Source.Data;
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = (byte)(random.Next(2) * 255);
            }

            using var vector = Resize(c, filter, vectorised: true);
            AssertSame(PillowResampleReference.ResizeWindow(c.Source, filter, c.Width, c.Height, c.Left, c.Top, c.WindowWidth, c.WindowHeight), vector, c);
        }
    }

    internal sealed record ResizeCase(RgbPixels Source, int Width, int Height, int Left, int Top, int WindowWidth, int WindowHeight)
    {
        public override string ToString() =>
            $"{Source.Width}x{Source.Height} -> {Width}x{Height}, window ({Left}, {Top}) {WindowWidth}x{WindowHeight}";
    }

    private static RgbPixels Resize(ResizeCase c, ResampleFilter filter, bool vectorised) =>
        PilResampler.ResizeWindow(c.Source, filter, c.Width, c.Height, c.Left, c.Top, c.WindowWidth, c.WindowHeight, vectorised);

    private static void AssertSame(byte[] expected, RgbPixels actual, ResizeCase c)
    {
        var bytes = actual.ToArray();
        Assert.True(expected.Length == bytes.Length, $"{c}: {bytes.Length} bytes, expected {expected.Length}");
        var first = expected.AsSpan().CommonPrefixLength(bytes);
        Assert.True(first == expected.Length, first < expected.Length ? $"{c}: byte {first} is {bytes[first]}, expected {expected[first]}" : "");
    }

    private static IEnumerable<ResizeCase> Cases(int seed, int count, int maxSide)
    {
        var random = new Random(seed);
        for (var n = 0; n < count; n++)
        {
            yield return RandomCase(random, maxSide);
        }
    }

    private static ResizeCase RandomCase(Random random, int maxSide)
    {
        int Side() => random.Next(4) == 0 ? random.Next(1, 4) : random.Next(1, maxSide + 1);
        int OutSide(int inSide) => random.Next(6) switch
        {
            0 => inSide,
            1 => Math.Max(1, inSide / random.Next(2, 20)),
            2 => Math.Min(4 * maxSide, inSide * random.Next(2, 6)),
            _ => random.Next(1, (2 * maxSide) + 1),
        };

        var source = RandomImage(random, Side(), Side());
        var width = OutSide(source.Width);
        var height = OutSide(source.Height);
        var windowWidth = random.Next(3) == 0 ? width : random.Next(1, width + 1);
        var windowHeight = random.Next(3) == 0 ? height : random.Next(1, height + 1);
        return new ResizeCase(source, width, height, random.Next(width - windowWidth + 1), random.Next(height - windowHeight + 1), windowWidth, windowHeight);
    }

    private static IEnumerable<ResizeCase> LargeCases()
    {
        var random = new Random(4);
        var photo = RandomImage(random, 500, 375);
        var crop = RandomImage(random, 251, 207);
        yield return new ResizeCase(photo, 298, 224, 37, 0, 224, 224);
        yield return new ResizeCase(crop, 271, 224, 24, 0, 224, 224);
        yield return new ResizeCase(crop, 384, 384, 0, 0, 384, 384);
        yield return new ResizeCase(photo, 384, 384, 0, 0, 384, 384);
        yield return new ResizeCase(photo, 5, 3, 0, 0, 5, 3);
        yield return new ResizeCase(RandomImage(random, 1, 900), 224, 224, 0, 0, 224, 224);
        yield return new ResizeCase(RandomImage(random, 900, 1), 224, 224, 0, 0, 224, 224);
    }

    private static RgbPixels RandomImage(Random random, int width, int height)
    {
        // Exactly sized buffers, as a decoder or caller may hand over: no slack for a pass to lean on.
        var data = new byte[width * height * 3];
        random.NextBytes(data);
        return new RgbPixels(width, height, data);
    }
}
