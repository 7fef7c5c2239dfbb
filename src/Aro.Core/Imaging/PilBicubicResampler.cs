using System.Buffers;

namespace Aro.Core.Imaging;

/// <summary>
/// Pillow's <c>Image.resize(size, BICUBIC)</c> for 8-bit RGB, bit for bit: a horizontal pass then a vertical
/// pass, each accumulating in 22-bit fixed point and rounding to bytes (Pillow clips and rounds between the
/// passes; ImageSharp keeps floats, which is why its output differs by up to ~20 levels on upscales).
/// Integer sums are exact, so the loops may run in any order: the vertical pass adds whole rows at a time.
/// </summary>
public static class PilBicubicResampler
{
    private const int Half = 1 << (ResampleKernel.PrecisionBits - 1);

    /// <summary>
    /// Resizes <paramref name="source"/> to <paramref name="outputWidth"/> x <paramref name="outputHeight"/> and returns
    /// only the window at (<paramref name="left"/>, <paramref name="top"/>) of the given size — the center crop that
    /// follows a CLIP resize — without computing the pixels the crop throws away. The result is pooled: dispose it.
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
        if (!needVertical)
        {
            return rows;
        }

        using (rows)
        {
            return ResampleColumns(rows, vertical, firstRow);
        }
    }

    /// <summary>Whole-image resize, exactly <c>Image.resize((width, height), BICUBIC)</c>. The result is pooled: dispose it.</summary>
    public static RgbPixels Resize(RgbPixels source, int width, int height) =>
        ResizeWindow(source, width, height, 0, 0, width, height);

    private static RgbPixels ResampleRows(RgbPixels source, ResampleKernel kernel, int firstRow, int rowCount)
    {
        var outWidth = kernel.Starts.Length;
        var result = RgbPixels.Rent(outWidth, rowCount);
        var output = result.Data;
        var input = source.Data;
        var weights = kernel.Weights;
        for (var y = 0; y < rowCount; y++)
        {
            var inRow = (firstRow + y) * source.Stride;
            var outRow = y * outWidth * 3;
            for (var x = 0; x < outWidth; x++)
            {
                var count = kernel.Counts[x];
                var k = x * kernel.Size;
                int r = Half, g = Half, b = Half;
                var p = inRow + (kernel.Starts[x] * 3);
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

        return result;
    }

    private static RgbPixels ResampleColumns(RgbPixels rows, ResampleKernel kernel, int firstRow)
    {
        var outHeight = kernel.Starts.Length;
        var stride = rows.Stride;
        var result = RgbPixels.Rent(rows.Width, outHeight);
        var output = result.Data;
        var input = rows.Data;
        var weights = kernel.Weights;
        var sums = ArrayPool<int>.Shared.Rent(stride);
        try
        {
            for (var y = 0; y < outHeight; y++)
            {
                var acc = sums.AsSpan(0, stride);
                acc.Fill(Half);
                var start = kernel.Starts[y] - firstRow;
                var k = y * kernel.Size;
                for (var i = 0; i < kernel.Counts[y]; i++)
                {
                    var w = weights[k + i];
                    var row = input.AsSpan((start + i) * stride, stride);
                    for (var c = 0; c < row.Length; c++)
                    {
                        acc[c] += row[c] * w;
                    }
                }

                var outRow = output.AsSpan(y * stride, stride);
                for (var c = 0; c < outRow.Length; c++)
                {
                    outRow[c] = Clip8(acc[c]);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(sums);
        }

        return result;
    }

    private static RgbPixels CopyWindow(RgbPixels source, int left, int top, int width, int height)
    {
        var result = RgbPixels.Rent(width, height);
        for (var y = 0; y < height; y++)
        {
            Buffer.BlockCopy(source.Data, ((top + y) * source.Stride) + (left * 3), result.Data, y * width * 3, width * 3);
        }

        return result;
    }

    /// <summary>Pillow's <c>clip8</c>: arithmetic shift (floor) out of fixed point, clamped to a byte.</summary>
    private static byte Clip8(int value)
    {
        var shifted = value >> ResampleKernel.PrecisionBits;
        return shifted < 0 ? (byte)0 : shifted > 255 ? (byte)255 : (byte)shifted;
    }
}
