using System.Runtime.InteropServices;
using Aro.Core.Cases;
using Aro.Core.Imaging;
using SkiaSharp;

namespace Aro.Core.Reports.Gallery;

/// <summary>
/// The gallery's thumbnails: a case's image as the evaluation hands it to the model's transform — decoded by
/// <see cref="ImageLoader"/> (PIL's <c>convert("RGB")</c>) and cropped by <see cref="PilCrop"/> to the case's box, the
/// same two calls the evaluation makes (src/Aro.Core/Pipeline/BatchPreparer.cs) — then shrunk with PIL's bicubic
/// resize (<see cref="PilResampler"/>) to fit <see cref="ThumbnailLimits.LongestSide"/> and encoded as a baseline JPEG
/// by SkiaSharp (libjpeg-turbo: integer DCT and colour conversion, so the same pixels give the same bytes). Each
/// image and box is made once however many cards show it.
/// </summary>
public sealed class Thumbnails(ThumbnailLimits limits)
{
    private readonly ImageLoader _loader = new();
    private readonly Dictionary<(string Path, CropBox? Crop), Thumbnail> _made = [];

    public ThumbnailLimits Limits { get; } = limits;

    /// <summary>The thumbnail of <paramref name="image"/>, or why there is none (file missing, unreadable, too busy to fit).</summary>
    public Thumbnail Make(CaseImage image)
    {
        var key = (image.Path, image.Crop);
        if (!_made.TryGetValue(key, out var made))
        {
            made = Create(image);
            _made[key] = made;
        }

        return made;
    }

    /// <summary>
    /// The thumbnail's pixels before encoding: decoded, cropped as the evaluation crops, then resized with PIL's
    /// bicubic filter to <see cref="Size"/> (an image already small enough is left as it is).
    /// </summary>
    public static RgbPixels Pixels(ImageLoader loader, CaseImage image, int longestSide)
    {
        using var decoded = loader.Load(image.Path);
        var cropped = image.Crop is { } crop ? PilCrop.Crop(decoded, crop) : null;
        try
        {
            var source = cropped ?? decoded;
            var (width, height) = Size(source.Width, source.Height, longestSide);
            if (width == source.Width && height == source.Height)
            {
                return new RgbPixels(width, height, source.ToArray());
            }

            return PilResampler.Resize(source, ResampleFilter.Bicubic, width, height);
        }
        finally
        {
            cropped?.Dispose();
        }
    }

    /// <summary>
    /// The size that fits <paramref name="longestSide"/>: the longer side becomes it, the other is scaled and rounded
    /// half to even (at least 1); an image no larger is kept (never enlarged).
    /// </summary>
    public static (int Width, int Height) Size(int width, int height, int longestSide)
    {
        var longest = Math.Max(width, height);
        if (longest <= longestSide)
        {
            return (width, height);
        }

        int Scale(int side) => Math.Max(1, (int)Math.Round((double)side * longestSide / longest, MidpointRounding.ToEven));
        return width >= height ? (longestSide, Scale(height)) : (Scale(width), longestSide);
    }

    /// <summary>A baseline JPEG of <paramref name="pixels"/> at <paramref name="quality"/>, 4:2:0 chroma, no metadata.</summary>
    public static byte[] EncodeJpeg(RgbPixels pixels, int quality)
    {
        var info = new SKImageInfo(pixels.Width, pixels.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var rgba = new byte[pixels.Width * pixels.Height * 4];
        for (int i = 0, o = 0; i < pixels.Width * pixels.Height * 3; i += 3, o += 4)
        {
            rgba[o] = pixels.Data[i];
            rgba[o + 1] = pixels.Data[i + 1];
            rgba[o + 2] = pixels.Data[i + 2];
            rgba[o + 3] = 255;
        }

        var handle = GCHandle.Alloc(rgba, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), info.RowBytes);
            using var data = pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
                ?? throw new InvalidOperationException($"SkiaSharp could not encode a {pixels.Width}x{pixels.Height} JPEG");
            return data.ToArray();
        }
        finally
        {
            handle.Free();
        }
    }

    private Thumbnail Create(CaseImage image)
    {
        RgbPixels pixels;
        try
        {
            pixels = Pixels(_loader, image, Limits.LongestSide);
        }
        catch (AroException ex)
        {
            var missing = !File.Exists(image.Path);
            return new Thumbnail(null, 0, 0, 0, missing ? "image not found" : ex.Message, missing);
        }

        using (pixels)
        {
            foreach (var quality in Limits.Qualities)
            {
                var jpeg = EncodeJpeg(pixels, quality);
                if (jpeg.Length <= Limits.MaxBytesEach)
                {
                    return new Thumbnail(jpeg, pixels.Width, pixels.Height, quality, null, false);
                }
            }

            return new Thumbnail(null, pixels.Width, pixels.Height, 0,
                FormattableString.Invariant($"the thumbnail does not fit {Limits.MaxBytesEach} bytes even at quality {Limits.Qualities[^1]}"), false);
        }
    }
}

/// <summary>Where a case's image is and the box the evaluation crops it to (null for the whole image).</summary>
public sealed record CaseImage(string Path, CropBox? Crop);

/// <summary>A thumbnail's JPEG bytes, size and quality; or, with <see cref="Jpeg"/> null, why there is none.</summary>
/// <param name="Missing">True when the image file does not exist (listed in the report's note on missing images).</param>
public sealed record Thumbnail(byte[]? Jpeg, int Width, int Height, int Quality, string? Problem, bool Missing)
{
    /// <summary>The <c>data:</c> URI the page inlines.</summary>
    public string? DataUri => Jpeg is null ? null : "data:image/jpeg;base64," + Convert.ToBase64String(Jpeg);
}
