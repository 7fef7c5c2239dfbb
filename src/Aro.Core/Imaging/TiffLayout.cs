using System.Buffers.Binary;

namespace Aro.Core.Imaging;

/// <summary>
/// The first page's size and sample layout, read from a TIFF's first directory by hand before any decoder sees the
/// file: libtiff sizes its strip tables from the declared height, and its buffer for each tag from the tag's declared
/// count, as it opens a file, so a crafted height or count must be refused first (<see cref="Plausible"/>).
/// </summary>
internal sealed record TiffLayout(long Width, long Height, int Photometric, int BitsPerSample, int SamplesPerPixel, bool Plausible)
{
    /// <summary>The layout, or null when the directory cannot be walked (ImageSharp will then say why).</summary>
    public static TiffLayout? Read(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return null;
        }

        var little = tiff[0] == 'I';
        uint U32(ReadOnlySpan<byte> b) => little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);
        ushort U16(ReadOnlySpan<byte> b) => little ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b);

        var directory = U32(tiff[4..]);
        if (directory > tiff.Length - 2)
        {
            return null;
        }

        var entries = U16(tiff[(int)directory..]);
        long width = -1, height = -1;
        int photometric = -1, bits = 1, samples = 1;
        var plausible = true;
        for (var i = 0; i < entries; i++)
        {
            var at = (int)directory + 2 + (12 * i);
            if (at + 12 > tiff.Length)
            {
                return null;
            }

            var entry = tiff.Slice(at, 12);
            var type = U16(entry[2..]);

            // No tag can hold more bytes than the file: a count past that only makes a reader allocate.
            var bytes = (long)U32(entry[4..]) * type switch
            {
                1 or 2 or 6 or 7 => 1,
                3 or 8 => 2,
                4 or 9 or 11 or 13 => 4,
                _ => 8,
            };
            plausible &= bytes <= tiff.Length;

            // SHORT (3) or LONG (4) values that fit the entry; BitsPerSample's first value is enough (PIL needs all equal).
            long value = type == 3 ? U16(entry[8..]) : U32(entry[8..]);
            switch (U16(entry))
            {
                case 256:
                    width = value;
                    break;
                case 257:
                    height = value;
                    break;
                case 258 when U32(entry[4..]) == 1 || (type == 3 && U32(entry[4..]) == 2):
                    bits = (int)value;
                    break;
                case 258 when type == 3 && U32(entry[4..]) is var count && count > 2:
                    var offset = U32(entry[8..]);
                    bits = offset <= tiff.Length - 2 ? U16(tiff[(int)offset..]) : -1;
                    break;
                case 262:
                    photometric = (int)value;
                    break;
                case 277:
                    samples = (int)value;
                    break;
            }
        }

        return new TiffLayout(width, height, photometric, bits, samples, plausible);
    }
}
