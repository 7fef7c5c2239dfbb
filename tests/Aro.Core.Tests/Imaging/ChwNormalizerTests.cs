using System.Runtime.InteropServices;
using Aro.Core.Imaging;
using Xunit;

namespace Aro.Core.Tests.Imaging;

/// <summary>
/// The normaliser's vector path against its table path and against the reference float32 expression evaluated per
/// value, comparing the float bits (so -0 and 0 differ).
/// </summary>
public sealed class ChwNormalizerTests
{
    private static bool VectorPath => System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported;

    [Fact]
    public void Table_path_writes_the_reference_expression_channel_major()
    {
        var random = new Random(5);
        var image = RandomImage(random, 7, 5);
        var mean = ImageTransformSpec.ClipMean;
        var std = ImageTransformSpec.ClipStd;
        var tensor = new float[3 * 35];

        ChwNormalizer.Write(image, mean, std, tensor, vectorised: false);

        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < 35; i++)
            {
                var expected = ((image.Data[(i * 3) + c] / 255f) - mean[c]) / std[c];
                Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(tensor[(c * 35) + i]));
            }
        }
    }

    [SkippableFact]
    public void Vector_path_equals_the_table_path_bit_for_bit()
    {
        Skip.IfNot(VectorPath, "this CPU has no AVX2 and FMA: only the table path runs here");
        var random = new Random(6);
        for (var n = 0; n < 400; n++)
        {
            var width = random.Next(1, 70);
            var height = random.Next(1, 40);
            var image = RandomImage(random, width, height);

            // CLIP's and SigLIP's constants, then random ones, some making every value tiny, huge or negative zero.
            IReadOnlyList<float> mean, std;
            switch (n % 4)
            {
                case 0:
                    (mean, std) = (ImageTransformSpec.ClipMean, ImageTransformSpec.ClipStd);
                    break;
                case 1:
                    (mean, std) = ([0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f]);
                    break;
                default:
                    mean = [RandomFloat(random), RandomFloat(random), RandomFloat(random)];
                    std = [Math.Abs(RandomFloat(random)) + 1e-30f, Math.Abs(RandomFloat(random)) + 1e-30f, Math.Abs(RandomFloat(random)) + 1e-30f];
                    break;
            }

            var plane = width * height;
            var table = new float[(3 * plane) + 5];
            var vector = new float[(3 * plane) + 5];
            ChwNormalizer.Write(image, mean, std, table, vectorised: false);
            ChwNormalizer.Write(image, mean, std, vector, vectorised: true);

            Assert.True(
                MemoryMarshal.AsBytes(table.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(vector.AsSpan())),
                $"{width}x{height}, mean [{string.Join(", ", mean)}], std [{string.Join(", ", std)}]");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Clip_and_siglip_constants_take_the_corrected_reciprocal_road(int channel)
    {
        // Not needed for correctness (a failing channel divides), but the speed depends on it.
        Assert.True(ChwNormalizer.UsesCorrectedForm(ImageTransformSpec.ClipMean, ImageTransformSpec.ClipStd, channel));
        Assert.True(ChwNormalizer.UsesCorrectedForm([0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f], channel));
    }

    [SkippableFact]
    public void The_division_fallback_equals_the_table_path_bit_for_bit()
    {
        // No (mean, std) pair found by search makes the corrected reciprocal miss (Markstein's correction is exact
        // nearly always), so the fallback is forced here.
        Skip.IfNot(VectorPath, "this CPU has no AVX2 and FMA: only the table path runs here");
        var random = new Random(9);
        for (var n = 0; n < 50; n++)
        {
            var image = RandomImage(random, random.Next(1, 60), random.Next(1, 20));
            IReadOnlyList<float> mean = [RandomFloat(random), RandomFloat(random), RandomFloat(random)];
            IReadOnlyList<float> std = [Math.Abs(RandomFloat(random)) + 1e-30f, Math.Abs(RandomFloat(random)) + 1e-30f, Math.Abs(RandomFloat(random)) + 1e-30f];
            var table = new float[3 * image.Width * image.Height];
            var divided = new float[table.Length];
            ChwNormalizer.Write(image, mean, std, table, vectorised: false);
            ChwNormalizer.Write(image, mean, std, divided, vectorised: true, allowCorrected: false);
            Assert.True(MemoryMarshal.AsBytes(table.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(divided.AsSpan())));
        }
    }

    private static float RandomFloat(Random random) => random.Next(3) switch
    {
        0 => (float)(random.NextDouble() * 2) - 0.5f,
        1 => (float)Math.Pow(10, (random.NextDouble() * 60) - 30) * (random.Next(2) == 0 ? 1 : -1),
        _ => random.Next(256) / 255f,
    };

    private static RgbPixels RandomImage(Random random, int width, int height)
    {
        var data = new byte[width * height * 3];
        random.NextBytes(data);
        return new RgbPixels(width, height, data);
    }
}
