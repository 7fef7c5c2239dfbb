using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Aro.Core.Imaging;

/// <summary>
/// torchvision's <c>ToTensor()</c> then <c>Normalize(mean, std)</c>: byte / 255 in float32, minus mean, divided
/// by std, written channel-major (CHW). Every value is the reference's float32 expression <c>((v / 255f) - m) / s</c>.
/// <para>
/// Without AVX2 and FMA the expression is evaluated once per possible byte value into a table per channel. With
/// them, 8 pixels at a time: each division becomes a multiplication by the reciprocal plus one fused-multiply-add
/// correction (Markstein's), which gives the correctly rounded quotient for almost every input. "Almost" is settled
/// exhaustively: the inputs are the 256 byte values, so for each channel's (mean, std) the corrected form is checked
/// against the expression on all 256 of them first, and a channel where any value differs is divided instead (IEEE
/// division, the same bits in a vector as in a scalar). Either way every float equals the expression's.
/// </para>
/// </summary>
public static class ChwNormalizer
{
    /// <summary>The last (mean, std) pair checked, with which channels passed: a run uses one pair throughout.</summary>
    private static volatile CheckedConstants? s_checked;

    public static void Write(RgbPixels pixels, IReadOnlyList<float> mean, IReadOnlyList<float> std, Span<float> destination) =>
        Write(pixels, mean, std, destination, Avx2.IsSupported && Fma.IsSupported);

    /// <summary>
    /// <see cref="Write(RgbPixels, IReadOnlyList{float}, IReadOnlyList{float}, Span{float})"/> with the vector path on or
    /// off, and (for tests of the fallback) the corrected-reciprocal form forbidden.
    /// </summary>
    internal static void Write(
        RgbPixels pixels, IReadOnlyList<float> mean, IReadOnlyList<float> std, Span<float> destination, bool vectorised, bool allowCorrected = true)
    {
        var plane = pixels.Width * pixels.Height;
        if (destination.Length < plane * 3)
        {
            throw new ArgumentException($"destination holds {destination.Length} floats, need {plane * 3}", nameof(destination));
        }

        if (vectorised)
        {
            if (!Avx2.IsSupported || !Fma.IsSupported)
            {
                throw new PlatformNotSupportedException("the vector normaliser needs AVX2 and FMA");
            }

            var constants = s_checked;
            if (constants is null || !constants.Matches(mean, std))
            {
                s_checked = constants = CheckedConstants.Check(mean, std);
            }

            WriteAvx2(pixels.Data, plane, allowCorrected ? constants : constants.Dividing(), destination);
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
                table[v] = Reference(v, m, s);
            }

            var channel = destination.Slice(c * plane, plane);
            for (int i = 0, p = c; i < plane; i++, p += 3)
            {
                channel[i] = table[data[p]];
            }
        }
    }

    /// <summary>Whether the vector path uses the corrected-reciprocal form (not division) for <paramref name="channel"/>.</summary>
    internal static bool UsesCorrectedForm(IReadOnlyList<float> mean, IReadOnlyList<float> std, int channel) =>
        CheckedConstants.Check(mean, std).Corrected[channel];

    /// <summary>The reference expression, float32 throughout.</summary>
    internal static float Reference(int v, float mean, float std) => ((v / 255f) - mean) / std;

    /// <summary>The corrected-reciprocal form, scalar, with the same operations in the same order as the vector code.</summary>
    internal static float Corrected(int v, float mean, float std)
    {
        var x = (float)v;
        var q = x * (1f / 255f);
        q = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(-q, 255f, x), 1f / 255f, q);
        var t = q - mean;
        var inverse = 1f / std;
        var u = t * inverse;
        return MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(-u, std, t), inverse, u);
    }

    private static unsafe void WriteAvx2(byte[] data, int plane, CheckedConstants constants, Span<float> destination)
    {
        // Byte i of each mask picks pixel i's channel from the 16 bytes at 3 * pixel 0 (lo) or at 3 * pixel 0 + 8 (hi);
        // 0x80 gives 0. OR-ing the two picks gives the channel of 8 pixels in bytes 0..7.
        var redLo = Vector128.Create(0, 3, 6, 9, 12, 15, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80).AsSByte();
        var redHi = Vector128.Create(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 10, 13, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80).AsSByte();
        var greenLo = Vector128.Create(1, 4, 7, 10, 13, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80).AsSByte();
        var greenHi = Vector128.Create(0x80, 0x80, 0x80, 0x80, 0x80, 8, 11, 14, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80).AsSByte();
        var blueLo = Vector128.Create(2, 5, 8, 11, 14, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80).AsSByte();
        var blueHi = Vector128.Create(0x80, 0x80, 0x80, 0x80, 0x80, 9, 12, 15, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80).AsSByte();
        var c0 = new Channel(constants, 0);
        var c1 = new Channel(constants, 1);
        var c2 = new Channel(constants, 2);
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
                Avx.Store(red + i, c0.Normalise(Sse2.Or(Ssse3.Shuffle(lo, redLo), Ssse3.Shuffle(hi, redHi)).AsByte()));
                Avx.Store(green + i, c1.Normalise(Sse2.Or(Ssse3.Shuffle(lo, greenLo), Ssse3.Shuffle(hi, greenHi)).AsByte()));
                Avx.Store(blue + i, c2.Normalise(Sse2.Or(Ssse3.Shuffle(lo, blueLo), Ssse3.Shuffle(hi, blueHi)).AsByte()));
            }

            for (; i < plane; i++)
            {
                var p = input + (i * 3);
                red[i] = Reference(p[0], constants.Mean[0], constants.Std[0]);
                green[i] = Reference(p[1], constants.Mean[1], constants.Std[1]);
                blue[i] = Reference(p[2], constants.Mean[2], constants.Std[2]);
            }
        }
    }

    /// <summary>One channel's constants as vectors, and whether its corrected form passed the check.</summary>
    private readonly struct Channel(CheckedConstants constants, int c)
    {
        private readonly Vector256<float> _mean = Vector256.Create(constants.Mean[c]);
        private readonly Vector256<float> _std = Vector256.Create(constants.Std[c]);
        private readonly Vector256<float> _inverse = Vector256.Create(1f / constants.Std[c]);
        private readonly bool _corrected = constants.Corrected[c];

        public Vector256<float> Normalise(Vector128<byte> bytes)
        {
            var x = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(bytes));
            var scale = Vector256.Create(255f);
            if (!_corrected)
            {
                return Avx.Divide(Avx.Subtract(Avx.Divide(x, scale), _mean), _std);
            }

            var third = Vector256.Create(1f / 255f);
            var q = Avx.Multiply(x, third);
            q = Fma.MultiplyAdd(Fma.MultiplyAddNegated(q, scale, x), third, q);
            var t = Avx.Subtract(q, _mean);
            var u = Avx.Multiply(t, _inverse);
            return Fma.MultiplyAdd(Fma.MultiplyAddNegated(u, _std, t), _inverse, u);
        }
    }

    private sealed class CheckedConstants
    {
        private CheckedConstants(float[] mean, float[] std, bool[] corrected)
        {
            Mean = mean;
            Std = std;
            Corrected = corrected;
        }

        public float[] Mean { get; }

        public float[] Std { get; }

        /// <summary>Per channel: the corrected form equals the expression on all 256 byte values.</summary>
        public bool[] Corrected { get; }

        public static CheckedConstants Check(IReadOnlyList<float> mean, IReadOnlyList<float> std)
        {
            float[] m = [mean[0], mean[1], mean[2]], s = [std[0], std[1], std[2]];
            var corrected = new bool[3];
            for (var c = 0; c < 3; c++)
            {
                corrected[c] = true;
                for (var v = 0; v < 256 && corrected[c]; v++)
                {
                    corrected[c] = BitConverter.SingleToInt32Bits(Corrected(v, m[c], s[c])) == BitConverter.SingleToInt32Bits(Reference(v, m[c], s[c]));
                }
            }

            return new CheckedConstants(m, s, corrected);
        }

        /// <summary>The same constants with every channel divided.</summary>
        public CheckedConstants Dividing() => new(Mean, Std, new bool[3]);

        public bool Matches(IReadOnlyList<float> mean, IReadOnlyList<float> std)
        {
            for (var c = 0; c < 3; c++)
            {
                if (BitConverter.SingleToInt32Bits(mean[c]) != BitConverter.SingleToInt32Bits(Mean[c])
                    || BitConverter.SingleToInt32Bits(std[c]) != BitConverter.SingleToInt32Bits(Std[c]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
