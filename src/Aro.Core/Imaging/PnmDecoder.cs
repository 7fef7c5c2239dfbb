namespace Aro.Core.Imaging;

/// <summary>
/// Binary PGM and PPM files whose maxval is not 255, as Pillow 9.4 reads them (PIL/PpmImagePlugin.py), which
/// ImageSharp does not reproduce (up to 255 levels apart on the Pillow fixtures). PIL rescales every sample to
/// <c>min(out, round(v / maxval * out))</c>, <c>round</c> being Python's (half to even), with <c>out</c> 255 — except
/// that a PGM with maxval over 255 opens as 32-bit mode <c>I</c> (<c>out</c> 65535, and maxval 65535 read as is),
/// whose <c>convert("RGB")</c> then clamps at 255. Samples are one byte below maxval 256, two big-endian bytes from
/// there. Plain (ASCII) files with such a maxval are refused; maxval 255 files, binary or plain, and bitmaps return
/// null here and go to ImageSharp, which decodes them as PIL does.
/// </summary>
internal static class PnmDecoder
{
    public static RgbPixels? TryDecode(byte[] bytes, string name, ImageLoader limits)
    {
        if (bytes.Length < 3 || bytes[0] != 'P' || bytes[1] is not ((byte)'2' or (byte)'3' or (byte)'5' or (byte)'6') || !IsSpace(bytes[2]))
        {
            return null;
        }

        // PIL's header tokens: whitespace-separated, at most 10 characters, '#' comments to the end of the line.
        var offset = 3;
        var values = new long[3];
        for (var t = 0; t < 3; t++)
        {
            if (Token(bytes, ref offset) is not { } value)
            {
                return null;
            }

            values[t] = value;
        }

        var (width, height, maxval) = (values[0], values[1], values[2]);
        if (maxval == 255)
        {
            return null;
        }

        var kind = bytes[1] is (byte)'2' or (byte)'5' ? "PGM" : "PPM";
        if (maxval is < 1 or > 65535)
        {
            throw new ImageLoadException(name, $"is a {kind} with maxval {maxval}; PIL, like aro, needs 1 to 65535");
        }

        if (bytes[1] is (byte)'2' or (byte)'3')
        {
            throw new ImageLoadException(name, $"is a plain (ASCII) {kind} with maxval {maxval}; aro reads plain files with maxval 255 only: convert it to PNG");
        }

        limits.CheckSize((int)Math.Min(width, int.MaxValue), (int)Math.Min(height, int.MaxValue), name);
        var bands = kind == "PGM" ? 1 : 3;
        var sampleBytes = maxval < 256 ? 1 : 2;
        var samples = width * height * bands;
        if (bytes.Length - offset < samples * sampleBytes)
        {
            throw new ImageLoadException(name, $"is a {kind} that is truncated (the image data ends early)");
        }

        var grey32 = kind == "PGM" && maxval > 255;
        var levels = new byte[maxval < 256 ? 256 : 65536];
        for (var v = 0; v < levels.Length; v++)
        {
            levels[v] = Level(v, maxval, grey32);
        }

        var pixels = RgbPixels.Rent((int)width, (int)height);
        var data = pixels.Data;
        for (long i = 0, o = 0; i < samples; i++)
        {
            var at = offset + (i * sampleBytes);
            var level = levels[sampleBytes == 1 ? bytes[at] : (bytes[at] << 8) | bytes[at + 1]];
            if (bands == 1)
            {
                data[o++] = level;
                data[o++] = level;
                data[o++] = level;
            }
            else
            {
                data[o++] = level;
            }
        }

        return pixels;
    }

    /// <summary>The 8-bit RGB level PIL ends with for sample <paramref name="v"/>.</summary>
    private static byte Level(int v, long maxval, bool grey32)
    {
        if (!grey32)
        {
            return (byte)Math.Min(255, Math.Round((double)v / maxval * 255, MidpointRounding.ToEven));
        }

        // Mode I: maxval 65535 is read raw, others rescaled to 0..65535; convert("RGB") clamps at 255.
        var wide = maxval == 65535 ? v : Math.Min(65535, Math.Round((double)v / maxval * 65535, MidpointRounding.ToEven));
        return (byte)Math.Min(255, wide);
    }

    private static long? Token(byte[] bytes, ref int offset)
    {
        var start = -1;
        long value = 0;
        for (; offset < bytes.Length; offset++)
        {
            var c = bytes[offset];
            if (IsSpace(c))
            {
                if (start >= 0)
                {
                    offset++;
                    return value;
                }
            }
            else if (c == '#' && start < 0)
            {
                while (offset + 1 < bytes.Length && bytes[offset + 1] is not ((byte)'\r' or (byte)'\n'))
                {
                    offset++;
                }
            }
            else if (c is >= (byte)'0' and <= (byte)'9' && (start < 0 || offset - start < 10))
            {
                start = start < 0 ? offset : start;
                value = (value * 10) + (c - '0');
            }
            else
            {
                return null;
            }
        }

        return null;
    }

    private static bool IsSpace(byte c) => c is 0x20 or 0x09 or 0x0A or 0x0B or 0x0C or 0x0D;
}
