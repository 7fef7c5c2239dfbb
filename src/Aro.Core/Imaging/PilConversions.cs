namespace Aro.Core.Imaging;

/// <summary>Pillow 9.4's per-pixel conversions to RGB (libImaging/Convert.c and Unpack.c), for the decoders that need them.</summary>
internal static class PilConversions
{
    /// <summary>
    /// One channel of <c>cmyk2rgb</c>: with <c>nk = 255 - k</c>, <c>clip8(nk - MULDIV255(c, nk))</c>, where
    /// <c>MULDIV255(a, b) = ((t >> 8) + t) >> 8</c> for <c>t = a * b + 128</c> (a rounded <c>a * b / 255</c>).
    /// </summary>
    public static byte CmykToRgbChannel(byte c, byte k)
    {
        var nk = 255 - k;
        var t = (c * nk) + 128;
        var v = nk - (((t >> 8) + t) >> 8);
        return (byte)Math.Clamp(v, 0, 255);
    }

    /// <summary><c>ImagingUnpackBGR15</c> / <c>BGR16</c>: an n-bit channel to 8 bits as <c>v * 255 / max</c>, truncated.</summary>
    public static byte ScaleBits(int value, int bits)
    {
        var max = (1 << bits) - 1;
        return (byte)(value * 255 / max);
    }
}
