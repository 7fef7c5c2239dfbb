using Aro.Core.Imaging;

namespace Aro.Core.Tests.Imaging;

/// <summary>
/// A plain transcription of Pillow 9.4's 8-bit resize (libImaging/Resample.c: <c>precompute_coeffs</c>,
/// <c>normalize_coeffs_8bpc</c>, the horizontal then the vertical pass over the whole image, <c>clip8</c>), written
/// without any of the production code's shortcuts (no window, no row range, no vectors), to hold the production
/// resampler against. The window is cut from the full result afterwards.
/// </summary>
internal static class PillowResampleReference
{
    private const int PrecisionBits = 22;

    public static byte[] ResizeWindow(RgbPixels source, ResampleFilter filter, int width, int height, int left, int top, int windowWidth, int windowHeight)
    {
        var full = Resize(source.ToArray(), source.Width, source.Height, filter, width, height);
        var window = new byte[windowWidth * windowHeight * 3];
        for (var y = 0; y < windowHeight; y++)
        {
            Array.Copy(full, (((top + y) * width) + left) * 3, window, y * windowWidth * 3, windowWidth * 3);
        }

        return window;
    }

    private static byte[] Resize(byte[] pixels, int inWidth, int inHeight, ResampleFilter filter, int width, int height)
    {
        var image = pixels;
        var currentWidth = inWidth;
        if (width != inWidth)
        {
            var (starts, counts, weights, size) = Coefficients(inWidth, width, filter);
            var next = new byte[width * inHeight * 3];
            for (var y = 0; y < inHeight; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        var sum = 1 << (PrecisionBits - 1);
                        for (var i = 0; i < counts[x]; i++)
                        {
                            sum += image[(((y * currentWidth) + starts[x] + i) * 3) + c] * weights[(x * size) + i];
                        }

                        next[(((y * width) + x) * 3) + c] = Clip8(sum);
                    }
                }
            }

            image = next;
            currentWidth = width;
        }

        if (height != inHeight)
        {
            var (starts, counts, weights, size) = Coefficients(inHeight, height, filter);
            var next = new byte[currentWidth * height * 3];
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < currentWidth; x++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        var sum = 1 << (PrecisionBits - 1);
                        for (var i = 0; i < counts[y]; i++)
                        {
                            sum += image[((((starts[y] + i) * currentWidth) + x) * 3) + c] * weights[(y * size) + i];
                        }

                        next[(((y * currentWidth) + x) * 3) + c] = Clip8(sum);
                    }
                }
            }

            image = next;
        }

        return image;
    }

    private static (int[] Starts, int[] Counts, int[] Weights, int Size) Coefficients(int inSize, int outSize, ResampleFilter filter)
    {
        var support = filter == ResampleFilter.Bilinear ? 1.0 : 2.0;
        var scale = (double)inSize / outSize;
        var filterScale = scale < 1.0 ? 1.0 : scale;
        support *= filterScale;
        var size = ((int)Math.Ceiling(support) * 2) + 1;
        var starts = new int[outSize];
        var counts = new int[outSize];
        var weights = new int[outSize * size];
        for (var xx = 0; xx < outSize; xx++)
        {
            var center = (xx + 0.5) * scale;
            var ss = 1.0 / filterScale;
            var xmin = Math.Max((int)(center - support + 0.5), 0);
            var xmax = Math.Min((int)(center + support + 0.5), inSize) - xmin;
            var k = new double[xmax];
            var ww = 0.0;
            for (var x = 0; x < xmax; x++)
            {
                k[x] = Filter(filter, (x + xmin - center + 0.5) * ss);
                ww += k[x];
            }

            for (var x = 0; x < xmax; x++)
            {
                var w = ww != 0.0 ? k[x] / ww : k[x];
                weights[(xx * size) + x] = w < 0 ? (int)(-0.5 + (w * (1 << PrecisionBits))) : (int)(0.5 + (w * (1 << PrecisionBits)));
            }

            starts[xx] = xmin;
            counts[xx] = xmax;
        }

        return (starts, counts, weights, size);
    }

    private static double Filter(ResampleFilter filter, double x)
    {
        x = Math.Abs(x);
        if (filter == ResampleFilter.Bilinear)
        {
            return x < 1.0 ? 1.0 - x : 0.0;
        }

        const double a = -0.5;
        return x < 1.0 ? ((((a + 2.0) * x) - (a + 3.0)) * x * x) + 1 : x < 2.0 ? ((((x - 5) * x) + 8) * x - 4) * a : 0.0;
    }

    private static byte Clip8(int sum) => (byte)Math.Clamp(sum >> PrecisionBits, 0, 255);
}
