using System.Buffers.Binary;

namespace Aro.Core.Imaging;

/// <summary>
/// 16-bit BMPs: Skia widens each 5- or 6-bit channel by repeating its high bits, PIL by <c>v * 255 / max</c>
/// truncated (libImaging/Unpack.c <c>ImagingUnpackBGR15</c>, <c>BGR16</c>), one level apart on some values. Both
/// keep the original value in the widened byte's high bits, so Skia's output is re-widened PIL's way. PIL reads the
/// RGB555 and RGB565 layouts only and refuses other bit masks; so does aro.
/// </summary>
internal static class Bmp16Bit
{
    /// <summary>Green's bit count (5 for RGB555, 6 for RGB565), or null when <paramref name="bmp"/> is not a 16-bit BMP.</summary>
    public static int? GreenBits(ReadOnlySpan<byte> bmp, string name)
    {
        if (bmp.Length < 34 || BinaryPrimitives.ReadUInt16LittleEndian(bmp[28..]) != 16)
        {
            return null;
        }

        var compression = BinaryPrimitives.ReadUInt32LittleEndian(bmp[30..]);
        if (compression == 0)
        {
            return 5;
        }

        if (compression == 3 && bmp.Length >= 66)
        {
            var (r, g, b) = (BinaryPrimitives.ReadUInt32LittleEndian(bmp[54..]), BinaryPrimitives.ReadUInt32LittleEndian(bmp[58..]),
                BinaryPrimitives.ReadUInt32LittleEndian(bmp[62..]));
            switch ((r, g, b))
            {
                case (0xF800, 0x7E0, 0x1F):
                    return 6;
                case (0x7C00, 0x3E0, 0x1F):
                    return 5;
            }

            throw new ImageLoadException(name, $"is a 16-bit BMP with bit masks R {r:X4} G {g:X4} B {b:X4}; aro, like PIL, reads only RGB555 and RGB565");
        }

        throw new ImageLoadException(name, $"is a 16-bit BMP with compression {compression}; aro, like PIL, reads only uncompressed RGB555 and RGB565");
    }

    /// <summary>Re-widens every channel of the decoded <paramref name="pixels"/> PIL's way.</summary>
    public static void Rewiden(RgbPixels pixels, int greenBits)
    {
        Span<byte> five = stackalloc byte[256];
        Span<byte> green = stackalloc byte[256];
        for (var v = 0; v < 256; v++)
        {
            five[v] = PilConversions.ScaleBits(v >> 3, 5);
            green[v] = PilConversions.ScaleBits(v >> (8 - greenBits), greenBits);
        }

        var data = pixels.Data;
        for (var i = 0; i < pixels.Width * pixels.Height * 3; i += 3)
        {
            data[i] = five[data[i]];
            data[i + 1] = green[data[i + 1]];
            data[i + 2] = five[data[i + 2]];
        }
    }
}
