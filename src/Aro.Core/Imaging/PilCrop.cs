using Aro.Core.Cases;

namespace Aro.Core.Imaging;

/// <summary>
/// PIL's <c>Image.crop(box)</c>: the float box is rounded half-to-even (Python <c>round</c>), and the part of
/// the box outside the image is black (libImaging/Crop.c zero-fills). The official ARO code crops VG cases with
/// <c>(x, y, x + w, y + h)</c> before the model's transform.
/// </summary>
public static class PilCrop
{
    /// <summary>The integer box PIL uses for <paramref name="box"/>: left, top, right, bottom.</summary>
    public static (int Left, int Top, int Right, int Bottom) RoundBox(CropBox box)
    {
        if (!double.IsFinite(box.X) || !double.IsFinite(box.Y) || !double.IsFinite(box.Width) || !double.IsFinite(box.Height))
        {
            throw new AroInputException($"crop box {box} is not finite");
        }

        return (RoundHalfEven(box.X), RoundHalfEven(box.Y), RoundHalfEven(box.Right), RoundHalfEven(box.Bottom));
    }

    public static RgbPixels Crop(RgbPixels source, CropBox box)
    {
        var (left, top, right, bottom) = RoundBox(box);
        var width = right - left;
        var height = bottom - top;
        if (width <= 0 || height <= 0)
        {
            throw new AroInputException($"crop box {box} is empty after rounding to ({left}, {top}, {right}, {bottom})");
        }

        if ((long)width * height > ImageLoader.DefaultMaxPixels)
        {
            throw new AroInputException($"crop box {box} covers {(long)width * height} pixels, more than the limit of {ImageLoader.DefaultMaxPixels}");
        }

        if (width > ImageLoader.MaxSide || height > ImageLoader.MaxSide)
        {
            throw new AroInputException($"crop box {box} is {width}x{height}, a side longer than the limit of {ImageLoader.MaxSide}");
        }

        var cropped = RgbPixels.Rent(width, height);
        var output = cropped.Data;
        Array.Clear(output, 0, width * height * 3);
        var x0 = Math.Max(left, 0);
        var x1 = Math.Min(right, source.Width);
        var y0 = Math.Max(top, 0);
        var y1 = Math.Min(bottom, source.Height);
        if (x1 > x0)
        {
            var bytes = (x1 - x0) * 3;
            for (var y = y0; y < y1; y++)
            {
                Buffer.BlockCopy(source.Data, (y * source.Stride) + (x0 * 3), output, ((y - top) * width * 3) + ((x0 - left) * 3), bytes);
            }
        }

        return cropped;
    }

    private static int RoundHalfEven(double value)
    {
        var rounded = Math.Round(value, MidpointRounding.ToEven);
        if (rounded is > int.MaxValue / 4 or < int.MinValue / 4)
        {
            throw new AroInputException($"crop coordinate {value} is out of range");
        }

        return (int)rounded;
    }
}
