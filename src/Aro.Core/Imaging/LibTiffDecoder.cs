using BitMiracle.LibTiff.Classic;

namespace Aro.Core.Imaging;

/// <summary>
/// The TIFF storage modes ImageSharp 2.1 gets wrong or cannot read, decoded with LibTiff.NET (a C# port of libtiff,
/// which PIL itself uses for compressed TIFFs) and converted as Pillow 9.4's <c>convert("RGB")</c> does
/// (PIL/TiffImagePlugin.py's mode table, libImaging/Unpack.c and Convert.c):
/// <list type="bullet">
/// <item>CMYK (photometric 5, 8 bits, extra samples ignored): <see cref="PilConversions.CmykToRgbChannel"/>; ImageSharp
/// refuses the photometric.</item>
/// <item>16-bit grey (PIL <c>I;16</c>, or <c>I</c> when signed): values clamped to 0..255, so everything from 255
/// up is white, even under photometric 0; ImageSharp scales to 8 bits instead (up to 254 levels apart).</item>
/// <item>1-bit (PIL <c>1</c>): 0 or 255, inverted under photometric 0 (min-is-white); ImageSharp failed on
/// Pillow's own 1-bit files.</item>
/// <item>Palette (photometric 3, 1 to 8 bits): each colour-map entry's high byte (PIL: <c>v // 256</c>);
/// ImageSharp rounds <c>v * 255 / 65535</c>, one level apart.</item>
/// </list>
/// Every other TIFF returns <c>null</c> here and goes to ImageSharp, which decodes 8-bit grey, RGB and RGBA as PIL
/// does. Only the first page is read, as PIL's <c>convert</c> does.
/// </summary>
internal static class LibTiffDecoder
{
    static LibTiffDecoder()
    {
        // LibTiff.NET prints errors and warnings to the console unless given a handler; errors are recorded per file.
        Tiff.SetErrorHandler(new ErrorRecorder());
    }

    /// <summary>The decoded image, or null when the TIFF is not in a mode this class handles (or libtiff cannot open it).</summary>
    public static RgbPixels? TryDecode(byte[] bytes, string name, ImageLoader limits)
    {
        // The mode and size come from aro's own reading of the first directory, so libtiff never opens a file whose
        // declared size is refused, nor one ImageSharp decodes as PIL does.
        if (TiffLayout.Read(bytes) is not { } layout || ModeOf(layout.Photometric, layout.BitsPerSample, layout.SamplesPerPixel) == Mode.Other)
        {
            return null;
        }

        limits.CheckSize((int)Math.Clamp(layout.Width, -1, int.MaxValue), (int)Math.Clamp(layout.Height, -1, int.MaxValue), name);
        if (!layout.Plausible)
        {
            throw new ImageLoadException(name, "is a TIFF file with a tag whose declared size exceeds the file (corrupt)");
        }

        using var source = new Source(bytes);
        using var tiff = Tiff.ClientOpen(name, "r", source, new TiffStream())
            ?? throw new ImageLoadException(name, $"is a TIFF file that cannot be opened: {source.Error ?? "libtiff refused it"}");
        var photometric = Int(tiff, TiffTag.PHOTOMETRIC, -1);
        var bits = Int(tiff, TiffTag.BITSPERSAMPLE, 1);
        var samples = Int(tiff, TiffTag.SAMPLESPERPIXEL, 1);
        var format = Int(tiff, TiffTag.SAMPLEFORMAT, 1);
        var planar = Int(tiff, TiffTag.PLANARCONFIG, 1);
        var mode = ModeOf(photometric, bits, samples);
        var width = Int(tiff, TiffTag.IMAGEWIDTH, 0);
        var height = Int(tiff, TiffTag.IMAGELENGTH, 0);
        if (mode == Mode.Other || width != layout.Width || height != layout.Height || (mode == Mode.Grey16 && format is not (1 or 2)))
        {
            throw new ImageLoadException(name, "is a TIFF file whose first directory libtiff reads differently from its header");
        }

        var description = mode switch
        {
            Mode.Cmyk => "CMYK",
            Mode.Grey16 => "16-bit greyscale",
            Mode.Bilevel => "1-bit",
            _ => $"{bits}-bit palette",
        };
        if (tiff.IsTiled())
        {
            throw new ImageLoadException(name, $"is a tiled {description} TIFF; aro reads {description} TIFFs stored in strips only");
        }

        if (planar != 1 && samples > 1)
        {
            throw new ImageLoadException(name, $"is a {description} TIFF with separate colour planes, which aro cannot read");
        }

        CheckStripSizes(tiff, bytes.Length, name);
        var palette = mode == Mode.Palette ? Palette(tiff, bits, name) : null;
        var row = new byte[tiff.ScanlineSize()];
        if (row.Length < RowBytes(width, bits, samples))
        {
            throw new ImageLoadException(name, $"is a {description} TIFF whose rows are shorter than its width");
        }

        var pixels = RgbPixels.Rent(width, height);
        try
        {
            var data = pixels.Data;
            for (var y = 0; y < height; y++)
            {
                if (!tiff.ReadScanline(row, y))
                {
                    throw new ImageLoadException(name, $"is a {description} TIFF that cannot be decoded: {source.Error ?? $"row {y} is unreadable"}");
                }

                var o = y * width * 3;
                for (var x = 0; x < width; x++, o += 3)
                {
                    switch (mode)
                    {
                        case Mode.Cmyk:
                            var p = x * samples;
                            data[o] = PilConversions.CmykToRgbChannel(row[p], row[p + 3]);
                            data[o + 1] = PilConversions.CmykToRgbChannel(row[p + 1], row[p + 3]);
                            data[o + 2] = PilConversions.CmykToRgbChannel(row[p + 2], row[p + 3]);
                            break;
                        case Mode.Grey16:
                            // libtiff hands samples over in the machine's byte order.
                            int v = format == 2 ? BitConverter.ToInt16(row, x * 2) : BitConverter.ToUInt16(row, x * 2);
                            data[o] = data[o + 1] = data[o + 2] = (byte)Math.Clamp(v, 0, 255);
                            break;
                        case Mode.Bilevel:
                            var set = (row[x >> 3] & (0x80 >> (x & 7))) != 0;
                            data[o] = data[o + 1] = data[o + 2] = set == (photometric == 1) ? (byte)255 : (byte)0;
                            break;
                        default:
                            var index = SampleAt(row, x, bits) * 3;
                            data[o] = palette![index];
                            data[o + 1] = palette[index + 1];
                            data[o + 2] = palette[index + 2];
                            break;
                    }
                }
            }

            return pixels;
        }
        catch
        {
            pixels.Dispose();
            throw;
        }
    }

    private enum Mode
    {
        Other,
        Cmyk,
        Grey16,
        Bilevel,
        Palette,
    }

    private static Mode ModeOf(int photometric, int bits, int samples) => (photometric, bits, samples) switch
    {
        (5, 8, >= 4) => Mode.Cmyk,
        (0 or 1, 16, 1) => Mode.Grey16,
        (0 or 1, 1, 1) => Mode.Bilevel,
        (3, 1 or 2 or 4 or 8, 1) => Mode.Palette,
        _ => Mode.Other,
    };

    private static long RowBytes(int width, int bits, int samples) => (((long)width * bits * samples) + 7) / 8;

    private static int SampleAt(byte[] row, int x, int bits)
    {
        var bit = x * bits;
        return (row[bit >> 3] >> (8 - bits - (bit & 7))) & ((1 << bits) - 1);
    }

    /// <summary>PIL's palette: <c>o8(v // 256)</c> of each colour-map value, RGB triples.</summary>
    private static byte[] Palette(Tiff tiff, int bits, string name)
    {
        var map = tiff.GetField(TiffTag.COLORMAP);
        var entries = 1 << bits;
        if (map is not { Length: >= 3 })
        {
            throw new ImageLoadException(name, "is a palette TIFF without a colour map");
        }

        var channels = new[] { map[0].ToUShortArray(), map[1].ToUShortArray(), map[2].ToUShortArray() };
        if (channels.Any(c => c is null || c.Length < entries))
        {
            throw new ImageLoadException(name, $"is a palette TIFF whose colour map has fewer than {entries} entries");
        }

        var palette = new byte[entries * 3];
        for (var i = 0; i < entries; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                palette[(i * 3) + c] = (byte)(channels[c][i] >> 8);
            }
        }

        return palette;
    }

    /// <summary>No strip may claim more bytes than the file holds: libtiff would allocate a buffer that large before reading.</summary>
    private static void CheckStripSizes(Tiff tiff, long fileLength, string name)
    {
        var field = tiff.GetField(TiffTag.STRIPBYTECOUNTS);
        if (field is not { Length: > 0 })
        {
            throw new ImageLoadException(name, "is a TIFF without strip byte counts");
        }

        IEnumerable<long> counts = field[0].Value switch
        {
            long[] l => l,
            ulong[] u => u.Select(v => v > long.MaxValue ? long.MaxValue : (long)v),
            int[] i => i.Select(v => (long)v),
            uint[] u => u.Select(v => (long)v),
            _ => throw new ImageLoadException(name, "is a TIFF whose strip byte counts cannot be read"),
        };
        if (counts.Any(c => c < 0 || c > fileLength))
        {
            throw new ImageLoadException(name, $"is a TIFF with a strip larger than the file ({fileLength} bytes)");
        }
    }

    private static int Int(Tiff tiff, TiffTag tag, int fallback)
    {
        var field = tiff.GetField(tag) ?? tiff.GetFieldDefaulted(tag);
        return field is { Length: > 0 } ? field[0].ToInt() : fallback;
    }

    /// <summary>The file, and the last error libtiff reported on it.</summary>
    private sealed class Source(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public string? Error { get; set; }
    }

    private sealed class ErrorRecorder : TiffErrorHandler
    {
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
            if (clientData is Source source)
            {
                source.Error = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
            }
        }

        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }
    }
}
