using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Aro.Core.Imaging;

/// <summary>
/// Packs RGBA pixels to RGB within the same buffer, dropping alpha: each write lands at or before the bytes still to
/// be read, so no second buffer is needed. With AVX2, 8 pixels a step (a byte shuffle per 128-bit half, then a
/// permute that closes the gap between the halves); the 32-byte store overruns the 24 packed bytes into bytes
/// already read.
/// </summary>
internal static class RgbaCompaction
{
    public static void ToRgbInPlace(byte[] data, int pixels) => ToRgbInPlace(data, pixels, Avx2.IsSupported);

    internal static unsafe void ToRgbInPlace(byte[] data, int pixels, bool vectorised)
    {
        if (data.Length < (long)pixels * 4)
        {
            throw new ArgumentException($"buffer of {data.Length} bytes holds fewer than {pixels} RGBA pixels", nameof(data));
        }

        var i = 0;
        var j = 0;
        if (vectorised)
        {
            if (!Avx2.IsSupported)
            {
                throw new PlatformNotSupportedException("the vector compaction needs AVX2");
            }

            var drop = Vector256.Create(
                (byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80,
                0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80);
            var close = Vector256.Create(0, 1, 2, 4, 5, 6, 3, 7);
            var end = (pixels * 4) - 32;
            fixed (byte* p = data)
            {
                for (; i <= end; i += 32, j += 24)
                {
                    var rgba = Avx.LoadVector256(p + i);
                    Avx.Store(p + j, Avx2.PermuteVar8x32(Avx2.Shuffle(rgba, drop).AsInt32(), close).AsByte());
                }
            }
        }

        for (; i < pixels * 4; i += 4, j += 3)
        {
            data[j] = data[i];
            data[j + 1] = data[i + 1];
            data[j + 2] = data[i + 2];
        }
    }
}
