using Aro.Core.Cases;
using Aro.Core.Imaging;
using SkiaSharp;

namespace Aro.Core.Pipeline;

/// <summary>
/// What preparing one image costs in memory, for <see cref="DecodeBudget"/>: its file's bytes, 4 bytes per declared
/// pixel for the RGBA buffer the decoder fills (<see cref="ImageLoader"/>), 3 per pixel of the crop box (which may
/// reach past the image: PIL pads it), 1 more per pixel for the resampler's passes, and 1 MiB for everything of fixed
/// size (kernels, the 224 x 224 window). The declared size is read from the file's header through SkiaSharp, which
/// reads the headers of every format it decodes without decoding them; for the formats only ImageSharp reads (TIFF,
/// TGA, PBM) and for headers Skia cannot parse, the pixel limit is assumed, so such an image never decodes beside
/// another one near the budget.
/// </summary>
internal static class ImageMemory
{
    private const long Fixed = 1L << 20;

    /// <summary>The bytes preparing an image costs: its file (when read now) and its decoding.</summary>
    public static long Cost(long fileBytes, long? declaredPixels, CropBox? crop)
    {
        var pixels = Math.Min(declaredPixels ?? ImageLoader.DefaultMaxPixels, ImageLoader.DefaultMaxPixels);
        var cropPixels = crop is { } box ? Math.Min(CropPixels(box), ImageLoader.DefaultMaxPixels) : 0;
        return fileBytes + (5 * pixels) + (3 * cropPixels) + Fixed;
    }

    /// <summary>Width x height from the header of an image file's bytes, or null when SkiaSharp cannot read the header.</summary>
    public static unsafe long? DeclaredPixels(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        fixed (byte* start = bytes)
        {
            // Over the array itself (no copy); the codec is gone before the array is unpinned.
            using var data = SKData.Create((IntPtr)start, bytes.Length, null);
            using var codec = data is null ? null : SKCodec.Create(data);
            return codec is null ? null : (long)codec.Info.Width * codec.Info.Height;
        }
    }

    private static long CropPixels(CropBox box)
    {
        // PilCrop rounds the box to whole pixels; one more row and column covers any rounding. Boxes whose size is not
        // finite never get here (CaseProblems refuses them).
        var width = Math.Ceiling(Math.Min(box.Width, ImageLoader.MaxSide)) + 1;
        var height = Math.Ceiling(Math.Min(box.Height, ImageLoader.MaxSide)) + 1;
        return (long)(width * height);
    }
}
