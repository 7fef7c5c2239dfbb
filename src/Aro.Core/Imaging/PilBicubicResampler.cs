namespace Aro.Core.Imaging;

/// <summary>
/// Pillow's <c>Image.resize(size, BICUBIC)</c> for 8-bit RGB, bit for bit: a horizontal pass then a vertical
/// pass, each accumulating in 22-bit fixed point and rounding to bytes (Pillow clips and rounds between the
/// passes; ImageSharp keeps floats, which is why its output differs by up to ~20 levels on upscales).
/// </summary>
public static class PilBicubicResampler
{
    /// <summary>
    /// Resizes <paramref name="source"/> to <paramref name="outputWidth"/> x <paramref name="outputHeight"/> and returns
    /// only the window at (<paramref name="left"/>, <paramref name="top"/>) of the given size — the center crop that
    /// follows a CLIP resize — without computing the pixels the crop throws away.
    /// </summary>
    public static RgbPixels ResizeWindow(
        RgbPixels source, int outputWidth, int outputHeight, int left, int top, int windowWidth, int windowHeight)
    {
        var horizontal = ResampleKernel.Bicubic(source.Width, outputWidth, left, windowWidth);
        var vertical = ResampleKernel.Bicubic(source.Height, outputHeight, top, windowHeight);

        // Pillow skips a pass whose size does not change; the skipped pass would be the identity anyway.
        var needHorizontal = outputWidth != source.Width;
        var needVertical = outputHeight != source.Height;
        var firstRow = needVertical ? vertical.FirstSource : top;
        var rowCount = needVertical ? vertical.EndSource - firstRow : windowHeight;

        var rows = needHorizontal
            ? ResampleRows(source, horizontal, firstRow, rowCount)
            : CopyWindow(source, left, firstRow, windowWidth, rowCount);
        return needVertical ? ResampleColumns(rows, vertical, firstRow) : rows;
    }

    /// <summary>Whole-image resize, exactly <c>Image.resize((width, height), BICUBIC)</c>.</summary>
    public static RgbPixels Resize(RgbPixels source, int width, int height) =>
        ResizeWindow(source, width, height, 0, 0, width, height);

    private static RgbPixels ResampleRows(RgbPixels source, ResampleKernel kernel, int firstRow, int rowCount)
    {
        var outWidth = kernel.Starts.Length;
        var output = new byte[outWidth * rowCount * 3];
        var input = source.Data;
        var weights = kernel.Weights;
        const int half = 1 << (ResampleKernel.PrecisionBits - 1);
        for (var y = 0; y < rowCount; y++)
        {
            var inRow = (firstRow + y) * source.Stride;
            var outRow = y * outWidth * 3;
            for (var x = 0; x < outWidth; x++)
            {
                var start = kernel.Starts[x];
                var count = kernel.Counts[x];
                var k = x * kernel.Size;
                int r = half, g = half, b = half;
                var p = inRow + (start * 3);
                for (var i = 0; i < count; i++, p += 3)
                {
                    var w = weights[k + i];
                    r += input[p] * w;
                    g += input[p + 1] * w;
                    b += input[p + 2] * w;
                }

                var o = outRow + (x * 3);
                output[o] = Clip8(r);
                output[o + 1] = Clip8(g);
                output[o + 2] = Clip8(b);
            }
        }

        return new RgbPixels(outWidth, rowCount, output);
    }

    private static RgbPixels ResampleColumns(RgbPixels rows, ResampleKernel kernel, int firstRow)
    {
        var outHeight = kernel.Starts.Length;
        var width = rows.Width;
        var stride = rows.Stride;
        var output = new byte[width * outHeight * 3];
        var input = rows.Data;
        var weights = kernel.Weights;
        const int half = 1 << (ResampleKernel.PrecisionBits - 1);
        for (var y = 0; y < outHeight; y++)
        {
            var start = kernel.Starts[y] - firstRow;
            var count = kernel.Counts[y];
            var k = y * kernel.Size;
            var outRow = y * stride;
            for (var c = 0; c < stride; c++)
            {
                var sum = half;
                var p = (start * stride) + c;
                for (var i = 0; i < count; i++, p += stride)
                {
                    sum += input[p] * weights[k + i];
                }

                output[outRow + c] = Clip8(sum);
            }
        }

        return new RgbPixels(width, outHeight, output);
    }

    private static RgbPixels CopyWindow(RgbPixels source, int left, int top, int width, int height)
    {
        var output = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            Buffer.BlockCopy(source.Data, ((top + y) * source.Stride) + (left * 3), output, y * width * 3, width * 3);
        }

        return new RgbPixels(width, height, output);
    }

    /// <summary>Pillow's <c>clip8</c>: arithmetic shift (floor) out of fixed point, clamped to a byte.</summary>
    private static byte Clip8(int value)
    {
        var shifted = value >> ResampleKernel.PrecisionBits;
        return shifted < 0 ? (byte)0 : shifted > 255 ? (byte)255 : (byte)shifted;
    }
}
