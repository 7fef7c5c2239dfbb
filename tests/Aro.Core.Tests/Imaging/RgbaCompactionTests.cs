using Aro.Core.Imaging;
using Xunit;

namespace Aro.Core.Tests.Imaging;

/// <summary>The in-place RGBA to RGB packing, vector and scalar, against a plain copy into a second buffer.</summary>
public sealed class RgbaCompactionTests
{
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Packs_rgb_in_place_for_every_length(bool vectorised)
    {
        Skip.If(vectorised && !System.Runtime.Intrinsics.X86.Avx2.IsSupported, "this CPU has no AVX2: only the scalar packing runs here");

        var random = new Random(8);
        for (var pixels = 0; pixels < 100; pixels++)
        {
            var rgba = new byte[(pixels * 4) + random.Next(3)];
            random.NextBytes(rgba);
            var expected = new byte[pixels * 3];
            for (var p = 0; p < pixels; p++)
            {
                expected[p * 3] = rgba[p * 4];
                expected[(p * 3) + 1] = rgba[(p * 4) + 1];
                expected[(p * 3) + 2] = rgba[(p * 4) + 2];
            }

            RgbaCompaction.ToRgbInPlace(rgba, pixels, vectorised);

            Assert.Equal(expected, rgba[..(pixels * 3)]);
        }
    }
}
