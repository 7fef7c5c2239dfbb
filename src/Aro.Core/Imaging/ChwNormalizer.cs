using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Aro.Core.Imaging;

/// <summary>
/// torchvision's <c>ToTensor()</c> then <c>Normalize(mean, std)</c>: byte / 255 in float32, minus mean, divided
/// by std, written channel-major (CHW). Every value is the reference's float32 expression <c>((v / 255f) - m) / s</c>:
/// with AVX2 evaluated on 8 pixels at a time (the same IEEE divisions and subtraction, so the same bits), otherwise
/// once per possible byte value into a table per channel, which gives the same bits as evaluating it per pixel.
/// </summary>
public static class ChwNormalizer
{
    public static void Write(RgbPixels pixels, IReadOnlyList<float> mean, IReadOnlyList<float> std, Span<float> destination) =>
        Write(pixels, mean, std, destination, Avx2.IsSupported);

    /// <summary><see cref="Write(RgbPixels, IReadOnlyList{float}, IReadOnlyList{float}, Span{float})"/> with the vector path on or off.</summary>
    internal static void Write(RgbPixels pixels, IReadOnlyList<float> mean, IReadOnlyList<float> std, Span<float> destination, bool vectorised)
    {
        var plane = pixels.Width * pixels.Height;
        if (destination.Length < plane * 3)
        {
            throw new ArgumentException($"destination holds {destination.Length} floats, need {plane * 3}", nameof(destination));
        }

        if (vectorised)
        {
            if (!Avx2.IsSupported)
            {
                throw new PlatformNotSupportedException("the vector normaliser needs AVX2");
            }

            WriteAvx2(pixels.Data, plane, mean, std, destination);
            return;
        }

        Span<float> table = stackalloc float[256];
        var data = pixels.Data;
        for (var c = 0; c < 3; c++)
        {
            var m = mean[c];
            var s = std[c];
            for (var v = 0; v < 256; v++)
            {
                table[v] = ((v / 255f) - m) / s;
            }

            var channel = destination.Slice(c * plane, plane);
            for (int i = 0, p = c; i < plane; i++, p += 3)
            {
                channel[i] = table[data[p]];
            }
        }
    }

    private static unsafe void WriteAvx2(byte[] data, int plane, IReadOnlyList<float> mean, IReadOnlyList<float> std, Span<float> destination)
    {
        // Byte i of each mask picks pixel i's channel from the 16 bytes at 3 * pixel 0 (lo) or at 3 * pixel 0 + 8 (hi);
        // 0x80 gives 0. OR-ing the two picks gives the channel of 8 pixels in bytes 0..7.
        var redLo = Vector128.Create(0, 3, 6, 9, 12, 15, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80).AsSByte();
        var redHi = Vector128.Create(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 10, 13, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80).AsSByte();
        var greenLo = Vector128.Create(1, 4, 7, 10, 13, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80).AsSByte();
        var greenHi = Vector128.Create(0x80, 0x80, 0x80, 0x80, 0x80, 8, 11, 14, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80).AsSByte();
        var blueLo = Vector128.Create(2, 5, 8, 11, 14, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80).AsSByte();
        var blueHi = Vector128.Create(0x80, 0x80, 0x80, 0x80, 0x80, 9, 12, 15, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80).AsSByte();
        var scale = Vector256.Create(255f);
        float m0 = mean[0], m1 = mean[1], m2 = mean[2], s0 = std[0], s1 = std[1], s2 = std[2];
        var mean0 = Vector256.Create(m0);
        var mean1 = Vector256.Create(m1);
        var mean2 = Vector256.Create(m2);
        var std0 = Vector256.Create(s0);
        var std1 = Vector256.Create(s1);
        var std2 = Vector256.Create(s2);
        fixed (byte* input = data)
        fixed (float* output = destination)
        {
            float* red = output, green = output + plane, blue = output + (2 * plane);
            var i = 0;
            for (; i + 8 <= plane; i += 8)
            {
                var p = input + (i * 3);
                var lo = Sse2.LoadVector128(p).AsSByte();
                var hi = Sse2.LoadVector128(p + 8).AsSByte();
                var r = Sse2.Or(Ssse3.Shuffle(lo, redLo), Ssse3.Shuffle(hi, redHi)).AsByte();
                var g = Sse2.Or(Ssse3.Shuffle(lo, greenLo), Ssse3.Shuffle(hi, greenHi)).AsByte();
                var b = Sse2.Or(Ssse3.Shuffle(lo, blueLo), Ssse3.Shuffle(hi, blueHi)).AsByte();
                Avx.Store(red + i, Normalise(r, scale, mean0, std0));
                Avx.Store(green + i, Normalise(g, scale, mean1, std1));
                Avx.Store(blue + i, Normalise(b, scale, mean2, std2));
            }

            for (; i < plane; i++)
            {
                var p = input + (i * 3);
                red[i] = ((p[0] / 255f) - m0) / s0;
                green[i] = ((p[1] / 255f) - m1) / s1;
                blue[i] = ((p[2] / 255f) - m2) / s2;
            }
        }
    }

    private static Vector256<float> Normalise(Vector128<byte> bytes, Vector256<float> scale, Vector256<float> mean, Vector256<float> std) =>
        Avx.Divide(Avx.Subtract(Avx.Divide(Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(bytes)), scale), mean), std);
}
