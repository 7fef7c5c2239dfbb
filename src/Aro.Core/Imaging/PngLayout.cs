using System.Buffers.Binary;
using System.IO.Hashing;

namespace Aro.Core.Imaging;

/// <summary>
/// What a PNG's header chunks say about how PIL will open it, read before decoding: the bit depth and colour type
/// (IHDR) and the palette's length (PLTE).
/// </summary>
internal sealed record PngLayout(int BitDepth, int ColorType, int PaletteEntries, int PaletteOffset)
{
    /// <summary>16-bit greyscale: PIL opens it as mode <c>I</c>, and <c>convert("RGB")</c> clamps at 255.</summary>
    public bool IsGrey16 => BitDepth == 16 && ColorType == 0;

    /// <summary>A palette with fewer entries than its indices can name: PIL greys the rest, libpng blackens them.</summary>
    public bool HasShortPalette => ColorType == 3 && BitDepth is 1 or 2 or 4 or 8 && PaletteOffset >= 0 && PaletteEntries < (1 << BitDepth);

    /// <summary>The layout of <paramref name="png"/>, or null when its chunks cannot be walked (Skia will say why).</summary>
    public static PngLayout? Read(ReadOnlySpan<byte> png)
    {
        if (png.Length < 33 || !png[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        int depth = png[24], colorType = png[25], entries = 0, paletteOffset = -1;
        for (var offset = 8; offset + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[offset..]);
            var type = png.Slice(offset + 4, 4);
            if (length > int.MaxValue || offset + 12L + length > png.Length || type.SequenceEqual("IDAT"u8) || type.SequenceEqual("IEND"u8))
            {
                break;
            }

            if (type.SequenceEqual("PLTE"u8))
            {
                entries = (int)length / 3;
                paletteOffset = offset;
                break;
            }

            offset += 12 + (int)length;
        }

        return new PngLayout(depth, colorType, entries, paletteOffset);
    }

    /// <summary>
    /// <paramref name="png"/> with its palette extended to every index the bit depth allows, entry i being grey
    /// (i, i, i): Pillow's initial palette, which its PNG palette only overwrites as far as it goes.
    /// </summary>
    public byte[] WithFullPalette(byte[] png)
    {
        var entries = 1 << BitDepth;
        var oldLength = 12 + (PaletteEntries * 3);
        var palette = new byte[12 + (entries * 3)];
        BinaryPrimitives.WriteUInt32BigEndian(palette, (uint)(entries * 3));
        png.AsSpan(PaletteOffset + 4, 8 + (PaletteEntries * 3)).CopyTo(palette.AsSpan(4));
        for (var i = PaletteEntries; i < entries; i++)
        {
            palette[8 + (i * 3)] = palette[9 + (i * 3)] = palette[10 + (i * 3)] = (byte)i;
        }

        BinaryPrimitives.WriteUInt32BigEndian(palette.AsSpan(8 + (entries * 3)), Crc32.HashToUInt32(palette.AsSpan(4, 4 + (entries * 3))));
        return [.. png.AsSpan(0, PaletteOffset), .. palette, .. png.AsSpan(PaletteOffset + oldLength)];
    }
}
