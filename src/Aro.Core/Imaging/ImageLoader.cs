using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Pbm;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tga;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace Aro.Core.Imaging;

/// <summary>
/// Opens an image file as 8-bit RGB, the way <c>Image.open(p).convert("RGB")</c> does (Pillow 9.4): alpha is dropped
/// (not composited), grayscale is replicated, palettes are expanded, EXIF orientation and ICC profiles are ignored.
/// <para>
/// JPEG, PNG, BMP and WebP decode through SkiaSharp, whose libjpeg-turbo (accurate integer IDCT, fancy chroma
/// upsampling) gives the same bytes as PIL: measured 0 levels of difference on every fixture image, CMYK JPEGs with
/// and without an Adobe segment included. ImageSharp 2.1's own JPEG decoder differs by up to 137 levels at colour
/// edges (mean 0.5–2.5), enough to move tiny-model scores by 1e-2, so it only decodes what Skia does not read (TIFF,
/// TGA, PBM). ImageSharp is configured with those three formats alone: a JPEG, PNG, GIF, BMP or WebP that Skia
/// refuses is a broken file, and must not reach ImageSharp's own decoders for those formats (which fuzzing showed
/// throwing divide-by-zero on bad BMPs). Multi-page TIFFs decode their first page only, as PIL's <c>convert</c> does.
/// </para>
/// <para>
/// Where a library's decoding differs from PIL's, the file takes another road (each measured against Pillow-made
/// references in tests/fixtures/pillow): GIFs decode in <see cref="GifDecoder"/> (PIL keeps the transparent index's
/// colour); 16-bit greyscale PNGs through ImageSharp's PNG decoder at 16 bits, clamped at 255 as PIL's mode <c>I</c>
/// is; palette PNGs whose palette is short get PIL's grey entries for the missing indices (<see cref="PngLayout"/>);
/// 16-bit BMPs are re-widened (<see cref="Bmp16Bit"/>); CMYK, 1-bit, palette and 16-bit grey TIFFs decode in
/// <see cref="LibTiffDecoder"/>; binary PGM/PPM files with a maxval other than 255 in <see cref="PnmDecoder"/>.
/// </para>
/// Every path reads the header first and refuses images whose declared size exceeds <see cref="MaxPixels"/>
/// before any pixel is decoded (crafted files must not exhaust memory); truncated data is an error, as in PIL.
/// Decoding allocates one buffer of 4 bytes per pixel (RGBA, compacted to RGB in place), so an image at the limit
/// costs 341 MiB while it is decoded.
/// </summary>
public sealed class ImageLoader
{
    /// <summary>PIL's <c>Image.MAX_IMAGE_PIXELS</c> (the decompression-bomb warning threshold).</summary>
    public const long DefaultMaxPixels = 89_478_485;

    /// <summary>
    /// The longest side aro accepts, for decoded images and crop boxes alike: the most JPEG and GIF can declare. PIL has
    /// no such limit, but the resize kernels grow with the longer side (a 1 x 89M-pixel crop squashed to 384 x 384 needs
    /// 1.4 GB of weights and minutes of work) and no photograph comes near it.
    /// </summary>
    public const int MaxSide = 65_535;

    private readonly Configuration _imageSharp;

    /// <summary>PNG only, for the 16-bit greyscale PNGs Skia narrows to 8 bits before PIL's clamp can be applied.</summary>
    private readonly Configuration _imageSharpPng;

    public ImageLoader(long maxPixels = DefaultMaxPixels)
    {
        // An RGBA buffer of the limit must fit one array.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPixels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPixels, int.MaxValue / 4);
        MaxPixels = maxPixels;

        // One image per thread: the pipeline parallelises across images, so decoders must not fan out too.
        // Plain GC arrays, no pool: ImageSharp's default pools unmanaged memory and kept it (fuzzing saw the working
        // set stay 230 MiB higher after one truncated 9000 x 9000 TIFF); GC memory is returned when collected.
        _imageSharp = new Configuration(new TiffConfigurationModule(), new TgaConfigurationModule(), new PbmConfigurationModule())
        {
            MaxDegreeOfParallelism = 1,
            MemoryAllocator = new SimpleGcMemoryAllocator(),
        };
        _imageSharp.ImageFormatsManager.SetDecoder(TiffFormat.Instance, new TiffDecoder { DecodingMode = FrameDecodingMode.First });
        _imageSharpPng = new Configuration(new PngConfigurationModule())
        {
            MaxDegreeOfParallelism = 1,
            MemoryAllocator = new SimpleGcMemoryAllocator(),
        };
    }

    public long MaxPixels { get; }

    /// <summary>Loads <paramref name="path"/>; failures are <see cref="ImageLoadException"/> naming the file.</summary>
    public RgbPixels Load(string path) => Decode(ImageFiles.Read(path), path);

    /// <summary>Decodes an in-memory image; <paramref name="name"/> only appears in errors.</summary>
    public RgbPixels Decode(byte[] bytes, string name)
    {
        if (bytes.Length == 0)
        {
            throw new ImageLoadException(name, "is empty");
        }

        var format = SkiaFormats.Detect(bytes);
        switch (format)
        {
            case "GIF":
                return GifDecoder.Decode(bytes, name, this);
            case "PNG" when PngLayout.Read(bytes) is { } png:
                if (png.IsGrey16)
                {
                    return DecodeGrey16Png(bytes, name);
                }

                if (png.HasShortPalette)
                {
                    bytes = png.WithFullPalette(bytes);
                }

                break;
            case null when bytes is [(byte)'I', (byte)'I', 42, 0, ..] or [(byte)'M', (byte)'M', 0, 42, ..]:
                if (DecodeLibTiff(bytes, name) is { } tiff)
                {
                    return tiff;
                }

                break;
            case null when PnmDecoder.TryDecode(bytes, name, this) is { } pnm:
                return pnm;
        }

        var greenBits = format == "BMP" ? Bmp16Bit.GreenBits(bytes, name) : null;
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is not null)
        {
            var pixels = DecodeWithSkia(codec, name);
            if (greenBits is { } bits)
            {
                Bmp16Bit.Rewiden(pixels, bits);
            }

            return pixels;
        }

        return format is not null
            ? throw new ImageLoadException(name, $"is a {format} file whose header is corrupt or truncated")
            : DecodeWithImageSharp(bytes, name);
    }

    /// <summary>
    /// Refuses <paramref name="width"/> x <paramref name="height"/> when it is empty, over <see cref="MaxPixels"/> or has
    /// a side over <see cref="MaxSide"/>; every decoder calls it before allocating pixels.
    /// </summary>
    internal void CheckSize(int width, int height, string name)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ImageLoadException(name, $"declares an empty size {width}x{height}");
        }

        if ((long)width * height > MaxPixels)
        {
            throw new ImageLoadException(name, $"declares {width}x{height} = {(long)width * height} pixels, more than the limit of {MaxPixels}");
        }

        if (width > MaxSide || height > MaxSide)
        {
            throw new ImageLoadException(name, $"declares {width}x{height}, a side longer than the limit of {MaxSide}");
        }
    }

    private RgbPixels? DecodeLibTiff(byte[] bytes, string name)
    {
        try
        {
            return LibTiffDecoder.TryDecode(bytes, name, this);
        }
        catch (Exception ex) when (ex is not ImageLoadException)
        {
            // LibTiff.NET reports most damage through its error handler, but a crafted file can still make it throw.
            throw new ImageLoadException(name, "is a TIFF file that cannot be decoded: " + ex.Message, ex);
        }
    }

    /// <summary>PIL opens a 16-bit greyscale PNG as mode <c>I</c>; <c>convert("RGB")</c> clamps each value to 0..255.</summary>
    private RgbPixels DecodeGrey16Png(byte[] bytes, string name)
    {
        try
        {
            var info = Image.Identify(_imageSharpPng, bytes, out _)
                ?? throw new ImageLoadException(name, "is a PNG file whose header is corrupt or truncated");
            CheckSize(info.Width, info.Height, name);
            using var image = Image.Load<L16>(_imageSharpPng, bytes);
            CheckSize(image.Width, image.Height, name);
            var pixels = RgbPixels.Rent(image.Width, image.Height);
            var data = pixels.Data;
            image.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                {
                    var row = rows.GetRowSpan(y);
                    var o = y * row.Length * 3;
                    foreach (var pixel in row)
                    {
                        data[o] = data[o + 1] = data[o + 2] = (byte)Math.Min(pixel.PackedValue, (ushort)255);
                        o += 3;
                    }
                }
            });
            return pixels;
        }
        catch (Exception ex) when (ex is not ImageLoadException)
        {
            throw new ImageLoadException(name, "is a 16-bit greyscale PNG that cannot be decoded: " + ex.Message, ex);
        }
    }

    private RgbPixels DecodeWithSkia(SKCodec codec, string name)
    {
        var width = codec.Info.Width;
        var height = codec.Info.Height;
        CheckSize(width, height, name);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);

        // Decode RGBA into a pooled buffer, then pack it to RGB in place (each write lands at or before its read).
        var pixels = RgbPixels.Rent(width, height, checked(width * height * 4));
        try
        {
            SKCodecResult result;
            var handle = GCHandle.Alloc(pixels.Data, GCHandleType.Pinned);
            try
            {
                result = codec.GetPixels(info, handle.AddrOfPinnedObject());
            }
            finally
            {
                handle.Free();
            }

            if (result != SKCodecResult.Success)
            {
                throw new ImageLoadException(name, result == SKCodecResult.IncompleteInput
                    ? "is truncated (the image data ends early)"
                    : $"cannot be decoded ({result})");
            }

            RgbaCompaction.ToRgbInPlace(pixels.Data, width * height);
            return pixels;
        }
        catch
        {
            pixels.Dispose();
            throw;
        }
    }

    private RgbPixels DecodeWithImageSharp(byte[] bytes, string name)
    {
        try
        {
            var info = Image.Identify(_imageSharp, bytes, out _)
                ?? throw new ImageLoadException(name, "is not a recognised image format");
            CheckSize(info.Width, info.Height, name);
            using var image = Image.Load<Rgb24>(_imageSharp, bytes);
            CheckSize(image.Width, image.Height, name);
            var data = new byte[image.Width * image.Height * 3];
            image.CopyPixelDataTo(MemoryMarshal.Cast<byte, Rgb24>(data.AsSpan()));
            return new RgbPixels(image.Width, image.Height, data);
        }
        catch (Exception ex) when (ex is not ImageLoadException)
        {
            // ImageSharp 2.1 signals corrupt or truncated data with many exception types (format, argument,
            // index, divide-by-zero, overflow, end-of-stream...): on bytes from disk, every one means "bad file".
            throw new ImageLoadException(name, "cannot be decoded: " + ex.Message, ex);
        }
    }
}
