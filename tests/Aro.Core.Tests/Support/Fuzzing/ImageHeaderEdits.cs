using System.Buffers.Binary;
using System.Text;

namespace Aro.Core.Tests.Support.Fuzzing;

/// <summary>
/// Format-aware edits of a valid image's header: declared sizes from zero to 2^31-1 (with PNG chunk CRCs fixed, so
/// the decoder believes them), sizes just under the loader's pixel limit on a file of a few hundred bytes, odd bit
/// depths, compressions and palette sizes, offsets past the end, and a TIFF whose IFD chain loops.
/// </summary>
public static class ImageHeaderEdits
{
    /// <summary>81 million pixels: under the limit, so the loader must decode (and find the data missing).</summary>
    private const int UnderLimitSide = 9000;

    private static readonly (long Width, long Height)[] HugeSizes =
    [
        (100_000, 100_000), (int.MaxValue, 1), (1, int.MaxValue), (int.MaxValue, int.MaxValue), (65_535, 65_535),
        (9_460, 9_460), (0, 0), (0, 23), (37, 0),
    ];

    public static IEnumerable<HeaderEdit> For(ImageSeed seed, bool includeUnderLimit) => seed.Format switch
    {
        "png" => Png(seed.Input, includeUnderLimit),
        "jpeg" => Jpeg(seed.Input, includeUnderLimit),
        "gif" => Gif(seed.Input, includeUnderLimit),
        "bmp" => Bmp(seed.Input, includeUnderLimit),
        "webp" => Webp(seed.Input, includeUnderLimit),
        "tiff" => Tiff(seed.Input, includeUnderLimit),
        "tga" => Tga(seed.Input, includeUnderLimit),
        "pbm" => Pbm(seed.Input, includeUnderLimit),
        _ => [],
    };

    private static IEnumerable<(long Width, long Height)> Sizes(bool includeUnderLimit, long max) =>
        HugeSizes.Where(s => s.Width <= max && s.Height <= max)
            .Concat(includeUnderLimit ? [(UnderLimitSide, UnderLimitSide)] : []);

    private static IEnumerable<HeaderEdit> Png(FuzzInput seed, bool underLimit)
    {
        foreach (var (w, h) in Sizes(underLimit, uint.MaxValue).Append((uint.MaxValue, 1)))
        {
            var bytes = Edit(seed, b =>
            {
                BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(16), (uint)w);
                BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(20), (uint)h);
                FixPngCrc(b);
            });
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, IHDR {w}x{h}", bytes), w * h);
            var headerOnly = (byte[])[.. bytes.AsSpan(0, 33), 0, 0, 0, 0, .. "IEND"u8, 0xAE, 0x42, 0x60, 0x82];
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, IHDR {w}x{h}, IHDR and IEND only", headerOnly), w * h);
        }

        foreach (var (offset, value, what) in new (int, byte, string)[]
        {
            (24, 0, "bit depth 0"), (24, 3, "bit depth 3"), (24, 99, "bit depth 99"), (25, 1, "colour type 1"),
            (25, 7, "colour type 7"), (26, 1, "compression 1"), (27, 9, "filter 9"), (28, 2, "interlace 2"),
        })
        {
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, {what}", Edit(seed, b => { b[offset] = value; FixPngCrc(b); })), 0);
        }

        yield return new HeaderEdit(new FuzzInput($"{seed.Description}, IHDR 100000x100000, stale CRC",
            Edit(seed, b => BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(16), 100_000))), 100_000L * 23);
        yield return new HeaderEdit(new FuzzInput($"{seed.Description}, IHDR length 0x7FFFFFFF",
            Edit(seed, b => BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(8), int.MaxValue))), 0);
    }

    private static void FixPngCrc(byte[] b) => BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(29), Crc32.Of(b.AsSpan(12, 17)));

    private static IEnumerable<HeaderEdit> Jpeg(FuzzInput seed, bool underLimit)
    {
        var sof = FindJpegFrameHeader(seed.Bytes);
        if (sof < 0)
        {
            yield break;
        }

        foreach (var (w, h) in Sizes(underLimit, ushort.MaxValue).Append((65_500, 65_500)).Append((1, 65_535)))
        {
            var bytes = Edit(seed, b =>
            {
                BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(sof + 5), (ushort)h);
                BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(sof + 7), (ushort)w);
            });
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, SOF {w}x{h}", bytes), w * h);
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, SOF {w}x{h}, headers only", bytes[..Math.Min(bytes.Length, sof + 400)]), w * h);
        }

        foreach (var (offset, value, what) in new (int, byte, string)[]
        {
            (4, 0, "precision 0"), (4, 16, "precision 16"), (9, 0, "0 components"), (9, 255, "255 components"),
            (11, 0x00, "sampling 0x0"), (11, 0xFF, "sampling 15x15"), (12, 9, "quantisation table 9"),
        })
        {
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, SOF {what}", Edit(seed, b => b[sof + offset] = value)), 0);
        }
    }

    /// <summary>The offset of the first SOFn marker, or -1.</summary>
    private static int FindJpegFrameHeader(byte[] b)
    {
        var p = 2;
        while (p + 4 <= b.Length && b[p] == 0xFF)
        {
            var marker = b[p + 1];
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return p;
            }

            p += 2 + BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(p + 2));
        }

        return -1;
    }

    private static IEnumerable<HeaderEdit> Gif(FuzzInput seed, bool underLimit)
    {
        var descriptor = FindGifImageDescriptor(seed.Bytes);
        foreach (var (w, h) in Sizes(underLimit, ushort.MaxValue))
        {
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, logical screen {w}x{h}", Edit(seed, b =>
            {
                BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(6), (ushort)w);
                BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(8), (ushort)h);
            })), w * h);
            if (descriptor > 0)
            {
                yield return new HeaderEdit(new FuzzInput($"{seed.Description}, screen and frame {w}x{h}", Edit(seed, b =>
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(6), (ushort)w);
                    BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(8), (ushort)h);
                    BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(descriptor + 5), (ushort)w);
                    BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(descriptor + 7), (ushort)h);
                })), w * h);
                yield return new HeaderEdit(new FuzzInput($"{seed.Description}, frame {w}x{h} on the original screen", Edit(seed, b =>
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(descriptor + 5), (ushort)w);
                    BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(descriptor + 7), (ushort)h);
                })), 0);
            }
        }

        if (descriptor > 0)
        {
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, frame at 65535,65535",
                Edit(seed, b => { b[descriptor + 1] = b[descriptor + 2] = b[descriptor + 3] = b[descriptor + 4] = 0xFF; })), 0);
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, local colour table of 256 entries, none present",
                Edit(seed, b => b[descriptor + 9] = 0x87)), 0);
        }

        yield return new HeaderEdit(new FuzzInput($"{seed.Description}, global colour table flag cleared", Edit(seed, b => b[10] &= 0x7F)), 0);
    }

    /// <summary>The offset of the first image descriptor (0x2C), or -1.</summary>
    private static int FindGifImageDescriptor(byte[] b)
    {
        var p = 13 + ((b[10] & 0x80) != 0 ? 3 << ((b[10] & 7) + 1) : 0);
        while (p < b.Length)
        {
            if (b[p] == 0x2C)
            {
                return p;
            }

            if (b[p] != 0x21 || p + 2 >= b.Length)
            {
                return -1;
            }

            p += 2;
            while (p < b.Length && b[p] != 0)
            {
                p += b[p] + 1;
            }

            p++;
        }

        return -1;
    }

    private static IEnumerable<HeaderEdit> Bmp(FuzzInput seed, bool underLimit)
    {
        var sizes = Sizes(underLimit, int.MaxValue).Select(s => ((int)s.Width, (int)s.Height))
            .Concat([(1, int.MinValue), (-37, 23), (37, -23), (9_000, -9_000), (30_000, 2_982)]);
        foreach (var (w, h) in sizes)
        {
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, {w}x{h}", Edit(seed, b =>
            {
                BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(18), w);
                BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(22), h);
            })), Math.Abs((long)w) * Math.Abs((long)h));
        }

        foreach (var (offset, value, what) in new (int, uint, string)[]
        {
            (2, uint.MaxValue, "file size 2^32-1"), (10, 0, "pixel offset 0"), (10, 0xFFFFFFF0, "pixel offset past the end"),
            (14, 0, "header size 0"), (14, 12, "header size 12"), (14, 200, "header size 200"), (14, uint.MaxValue, "header size 2^32-1"),
            (28, 0, "0 bits per pixel"), (28, 7, "7 bits per pixel"), (28, 64, "64 bits per pixel"), (30, 3, "compression bitfields"),
            (30, 4, "compression JPEG"), (30, 5, "compression PNG"), (30, 99, "compression 99"), (34, uint.MaxValue, "image size 2^32-1"),
            (46, uint.MaxValue, "2^32-1 palette colours"), (46, 65_536, "65536 palette colours"),
        })
        {
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, {what}", Edit(seed, b =>
            {
                if (offset == 28)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(offset), (ushort)value);
                }
                else
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(offset), value);
                }
            })), 0);
        }
    }

    private static IEnumerable<HeaderEdit> Webp(FuzzInput seed, bool underLimit)
    {
        var chunk = Encoding.ASCII.GetString(seed.Bytes, 12, 4);
        if (chunk == "VP8 ")
        {
            foreach (var (w, h) in Sizes(underLimit, 16_383).Append((16_383, 16_383)))
            {
                yield return new HeaderEdit(new FuzzInput($"{seed.Description}, VP8 {w}x{h}", Edit(seed, b =>
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(26), (ushort)w);
                    BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(28), (ushort)h);
                })), w * h);
            }

            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, VP8 scale bits set", Edit(seed, b => { b[27] |= 0xC0; b[29] |= 0xC0; })), 0);
        }
        else if (chunk == "VP8L")
        {
            // 14 bits of width - 1 and 14 of height - 1 after the 0x2F signature byte.
            foreach (var (w, h) in new (long, long)[] { (16_384, 16_384), (1, 1), (16_384, 1) }.Concat(underLimit ? [(UnderLimitSide, UnderLimitSide)] : []))
            {
                yield return new HeaderEdit(new FuzzInput($"{seed.Description}, VP8L {w}x{h}", Edit(seed, b =>
                {
                    var bits = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(21)) & 0xF0000000u;
                    BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(21), bits | (uint)(w - 1) | ((uint)(h - 1) << 14));
                })), w * h);
            }
        }

        foreach (var (w, h) in new (long, long)[] { (16_777_216, 16_777_216), (1, 1) }.Concat(underLimit ? [(UnderLimitSide, UnderLimitSide)] : []))
        {
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, wrapped in a VP8X canvas {w}x{h}", WrapVp8x(seed.Bytes, w, h)), w * h);
        }

        yield return new HeaderEdit(new FuzzInput($"{seed.Description}, RIFF size 2^32-1",
            Edit(seed, b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), uint.MaxValue))), 0);
        yield return new HeaderEdit(new FuzzInput($"{seed.Description}, chunk size 2^32-2",
            Edit(seed, b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(16), uint.MaxValue - 1))), 0);
    }

    private static byte[] WrapVp8x(byte[] webp, long width, long height)
    {
        var vp8x = new byte[18];
        "VP8X"u8.CopyTo(vp8x);
        BinaryPrimitives.WriteUInt32LittleEndian(vp8x.AsSpan(4), 10);
        WriteUInt24(vp8x.AsSpan(12), (uint)(width - 1));
        WriteUInt24(vp8x.AsSpan(15), (uint)(height - 1));
        byte[] result = [.. webp.AsSpan(0, 12), .. vp8x, .. webp.AsSpan(12)];
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        return result;
    }

    private static void WriteUInt24(Span<byte> span, uint value)
    {
        span[0] = (byte)value;
        span[1] = (byte)(value >> 8);
        span[2] = (byte)(value >> 16);
    }

    private static IEnumerable<HeaderEdit> Tiff(FuzzInput seed, bool underLimit)
    {
        var ifd = (int)BinaryPrimitives.ReadUInt32LittleEndian(seed.Bytes.AsSpan(4));
        foreach (var (w, h) in Sizes(underLimit, uint.MaxValue))
        {
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, {w}x{h}", Edit(seed, b =>
            {
                SetTiffTag(b, ifd, 256, (uint)w);
                SetTiffTag(b, ifd, 257, (uint)h);
            })), w * h);
        }

        foreach (var (tag, value, what) in new (ushort, uint, string)[]
        {
            (258, 0, "0 bits per sample"), (258, 255, "255 bits per sample"), (259, 6, "old-style JPEG compression"),
            (259, 7, "JPEG compression"), (259, 99, "compression 99"), (262, 99, "photometric 99"), (273, uint.MaxValue - 15, "strip offset past the end"),
            (277, 0, "0 samples per pixel"), (277, 65_535, "65535 samples per pixel"), (278, 0, "0 rows per strip"),
            (279, uint.MaxValue, "strip byte count 2^32-1"), (279, 0, "strip byte count 0"), (284, 2, "planar configuration 2"),
        })
        {
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, {what}", Edit(seed, b => SetTiffTag(b, ifd, tag, value))), 0);
        }

        var count = BinaryPrimitives.ReadUInt16LittleEndian(seed.Bytes.AsSpan(ifd));
        yield return new HeaderEdit(new FuzzInput($"{seed.Description}, next IFD points to itself",
            Edit(seed, b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(ifd + 2 + (12 * count)), (uint)ifd))), 0);
        yield return new HeaderEdit(new FuzzInput($"{seed.Description}, IFD of 65535 entries",
            Edit(seed, b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(ifd), ushort.MaxValue))), 0);
        yield return new HeaderEdit(new FuzzInput($"{seed.Description}, first IFD past the end",
            Edit(seed, b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), uint.MaxValue - 3))), 0);
    }

    /// <summary>Rewrites a tag of the IFD at <paramref name="ifd"/> as one LONG holding <paramref name="value"/>.</summary>
    private static void SetTiffTag(byte[] b, int ifd, ushort tag, uint value)
    {
        var count = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(ifd));
        for (var i = 0; i < count; i++)
        {
            var entry = b.AsSpan(ifd + 2 + (12 * i));
            if (BinaryPrimitives.ReadUInt16LittleEndian(entry) == tag)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], 4);
                BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);
                BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], value);
                return;
            }
        }
    }

    private static IEnumerable<HeaderEdit> Tga(FuzzInput seed, bool underLimit)
    {
        foreach (var (w, h) in Sizes(underLimit, ushort.MaxValue).Append((65_535, 1_365)))
        {
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, {w}x{h}", Edit(seed, b =>
            {
                BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(12), (ushort)w);
                BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(14), (ushort)h);
            })), w * h);
        }

        foreach (var (offset, value, what) in new (int, byte, string)[]
        {
            (0, 255, "id length 255"), (1, 1, "colour map flag without a map"), (2, 1, "colour-mapped type"), (2, 9, "RLE colour-mapped type"),
            (2, 99, "image type 99"), (16, 0, "0 bits per pixel"), (16, 7, "7 bits per pixel"), (16, 64, "64 bits per pixel"), (17, 0xFF, "descriptor 0xFF"),
        })
        {
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, {what}", Edit(seed, b => b[offset] = value)), 0);
        }

        yield return new HeaderEdit(new FuzzInput($"{seed.Description}, colour map of 65535 entries", Edit(seed, b =>
        {
            b[1] = 1;
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(5), ushort.MaxValue);
            b[7] = 32;
        })), 0);
    }

    private static IEnumerable<HeaderEdit> Pbm(FuzzInput seed, bool underLimit)
    {
        // Magic, width, height, maxval, then one whitespace byte before the samples.
        var text = Encoding.ASCII.GetString(seed.Bytes, 0, Math.Min(seed.Bytes.Length, 32));
        var fields = text.Split((char[])[' ', '\n', '\r', '\t'], 5, StringSplitOptions.RemoveEmptyEntries);
        var headerLength = text.IndexOf(fields[3], text.IndexOf(fields[2], text.IndexOf(fields[1], 2, StringComparison.Ordinal) + fields[1].Length, StringComparison.Ordinal) + fields[2].Length, StringComparison.Ordinal) + fields[3].Length + 1;
        var payload = seed.Bytes.AsSpan(headerLength).ToArray();
        var headers = new List<(string Header, long Pixels)>
        {
            ("100000 100000 255", 10_000_000_000), ("65535 65535 255", 65_535L * 65_535), ("2147483647 1 255", int.MaxValue),
            ("99999999999999999999 1 255", long.MaxValue), ("-1 23 255", 0), ("0 0 255", 0), ("37 23 0", 0), ("37 23 65535", 0),
            ("37 23 70000", 0), ("37 23", 0), ("37 23 255 # comment", 0), ("# a comment\n37 23 255", 0), ("37 23 -1", 0),
        };
        if (underLimit)
        {
            headers.Add(("9000 9000 255", 81_000_000));
        }

        foreach (var (header, pixels) in headers)
        {
            byte[] bytes = [.. Encoding.ASCII.GetBytes($"{fields[0]}\n{header}\n"), .. payload];
            yield return new HeaderEdit(new FuzzInput($"{seed.Description}, header '{header.Replace('\n', ' ')}'", bytes), pixels);
        }
    }

    private static byte[] Edit(FuzzInput seed, Action<byte[]> edit)
    {
        var bytes = (byte[])seed.Bytes.Clone();
        edit(bytes);
        return bytes;
    }
}
