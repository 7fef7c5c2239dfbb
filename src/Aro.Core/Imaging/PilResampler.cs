using System.Buffers;

namespace Aro.Core.Imaging;

/// <summary>
/// Pillow's <c>Image.resize(size, BILINEAR | BICUBIC)</c> for 8-bit RGB, bit for bit: a horizontal pass then a
/// vertical pass, each accumulating in 22-bit fixed point and rounding to bytes (Pillow clips and rounds between the
/// passes; ImageSharp keeps floats, which is why its output differs by up to ~20 levels on upscales). Both filters
/// share the passes; only the weights differ (<see cref="ResampleKernel"/>).
/// <para>
/// Integer sums are exact, so the loops may run in any order. Where AVX2 is available both passes run on 8 int32
/// lanes (<see cref="ResamplePassesAvx2"/>); elsewhere the scalar passes below run. Both give the same bytes: every
/// output is the same sum of the same 32-bit products.
/// </para>
/// </summary>
public static class PilResampler
{
    private const int Half = 1 << (ResampleKernel.PrecisionBits - 1);

    /// <summary>
    /// Resizes <paramref name="source"/> to <paramref name="outputWidth"/> x <paramref name="outputHeight"/> and returns
    /// only the window at (<paramref name="left"/>, <paramref name="top"/>) of the given size — the center crop that
    /// follows a CLIP resize — without computing the pixels the crop throws away. The result is pooled: dispose it.
    /// </summary>
    public static RgbPixels ResizeWindow(
        RgbPixels source, ResampleFilter filter, int outputWidth, int outputHeight, int left, int top, int windowWidth, int windowHeight) =>
        ResizeWindow(source, filter, outputWidth, outputHeight, left, top, windowWidth, windowHeight, ResamplePassesAvx2.IsSupported);

    /// <summary>Whole-image resize, exactly <c>Image.resize((width, height), filter)</c>. The result is pooled: dispose it.</summary>
    public static RgbPixels Resize(RgbPixels source, ResampleFilter filter, int width, int height) =>
        ResizeWindow(source, filter, width, height, 0, 0, width, height);

    /// <summary>
    /// <see cref="ResizeWindow(RgbPixels, ResampleFilter, int, int, int, int, int, int)"/> with the vector passes on or
    /// off, so tests can hold each against the other.
    /// </summary>
    internal static RgbPixels ResizeWindow(
        RgbPixels source, ResampleFilter filter, int outputWidth, int outputHeight, int left, int top, int windowWidth, int windowHeight,
        bool vectorised)
    {
        if (vectorised && !ResamplePassesAvx2.IsSupported)
        {
            throw new PlatformNotSupportedException("the vector resample passes need AVX2");
        }

        var horizontal = ResampleKernel.Create(filter, source.Width, outputWidth, left, windowWidth);
        var vertical = ResampleKernel.Create(filter, source.Height, outputHeight, top, windowHeight);

        // Pillow skips a pass whose size does not change; the skipped pass would be the identity anyway.
        var needHorizontal = outputWidth != source.Width;
        var needVertical = outputHeight != source.Height;
        var firstRow = needVertical ? vertical.FirstSource : top;
        var rowCount = needVertical ? vertical.EndSource - firstRow : windowHeight;

        RgbPixels rows;
        if (!needHorizontal)
        {
            rows = CopyWindow(source, left, firstRow, windowWidth, rowCount);
        }
        else
        {
            rows = RgbPixels.Rent(horizontal.Starts.Length, rowCount);
            try
            {
                if (vectorised)
                {
                    ResamplePassesAvx2.Rows(source, horizontal, firstRow, rows);
                }
                else
                {
                    ResampleRows(source, horizontal, firstRow, rows);
                }
            }
            catch
            {
                rows.Dispose();
                throw;
            }
        }

        if (!needVertical)
        {
            return rows;
        }

        using (rows)
        {
            var result = RgbPixels.Rent(rows.Width, vertical.Starts.Length);
            if (vectorised)
            {
                ResamplePassesAvx2.Columns(rows, vertical, firstRow, result);
            }
            else
            {
                ResampleColumns(rows, vertical, firstRow, result);
            }

            return result;
        }
    }

    /// <summary>Pillow's <c>clip8</c>: arithmetic shift (floor) out of fixed point, clamped to a byte.</summary>
    internal static byte Clip8(int value)
    {
        var shifted = value >> ResampleKernel.PrecisionBits;
        return shifted < 0 ? (byte)0 : shifted > 255 ? (byte)255 : (byte)shifted;
    }

    /// <summary>The horizontal pass: row <c>firstRow + y</c> of <paramref name="source"/> into row y of <paramref name="result"/>.</summary>
    private static void ResampleRows(RgbPixels source, ResampleKernel kernel, int firstRow, RgbPixels result)
    {
        var outWidth = kernel.Starts.Length;
        var output = result.Data;
        var input = source.Data;
        var weights = kernel.Weights;
        for (var y = 0; y < result.Height; y++)
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
    }

    /// <summary>The vertical pass over rows that start at source row <paramref name="firstRow"/>: whole rows at a time.</summary>
    private static void ResampleColumns(RgbPixels rows, ResampleKernel kernel, int firstRow, RgbPixels result)
    {
        var outHeight = kernel.Starts.Length;
        var stride = rows.Stride;
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
}
