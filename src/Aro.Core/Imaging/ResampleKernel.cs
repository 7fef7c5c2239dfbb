namespace Aro.Core.Imaging;

/// <summary>
/// Fixed-point resampling weights for one axis, computed exactly as Pillow's <c>precompute_coeffs</c> and
/// <c>normalize_coeffs_8bpc</c> (libImaging/Resample.c) do: the filter's support (bilinear 1, bicubic 2) scaled by
/// the downscale factor (antialiasing), weights normalised in double and rounded to 22 fractional bits. Only the
/// outputs in <c>[firstOutput, firstOutput + outputCount)</c> are computed, which is exact: each output depends on its
/// own weights alone.
/// </summary>
internal sealed class ResampleKernel
{
    /// <summary>Pillow's <c>PRECISION_BITS</c> for 8-bit images: 32 - 8 - 2.</summary>
    public const int PrecisionBits = 22;

    private ResampleKernel(int size, int[] starts, int[] counts, int[] weights)
    {
        Size = size;
        Starts = starts;
        Counts = counts;
        Weights = weights;
    }

    /// <summary>Weights per output (the longest window); output i's weights start at <c>i * Size</c>.</summary>
    public int Size { get; }

    /// <summary>First source index of each output's window.</summary>
    public int[] Starts { get; }

    /// <summary>Number of source samples in each output's window.</summary>
    public int[] Counts { get; }

    /// <summary>Fixed-point weights, <see cref="Size"/> per output.</summary>
    public int[] Weights { get; }

    /// <summary>First source index any computed output reads.</summary>
    public int FirstSource => Starts[0];

    /// <summary>One past the last source index any computed output reads.</summary>
    public int EndSource => Starts[^1] + Counts[^1];

    public static ResampleKernel Create(ResampleFilter filter, int inputSize, int outputSize, int firstOutput, int outputCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputCount, 1);
        if (firstOutput < 0 || firstOutput + outputCount > outputSize)
        {
            throw new ArgumentOutOfRangeException(nameof(firstOutput), $"window {firstOutput}+{outputCount} outside {outputSize}");
        }

        var support = filter switch
        {
            ResampleFilter.Bilinear => 1.0,
            ResampleFilter.Bicubic => 2.0,
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "unknown resample filter"),
        };
        var scale = (double)inputSize / outputSize;
        var filterScale = Math.Max(scale, 1.0);
        var scaledSupport = support * filterScale;
        var size = ((int)Math.Ceiling(scaledSupport) * 2) + 1;
        var starts = new int[outputCount];
        var counts = new int[outputCount];
        var weights = new int[outputCount * size];
        var window = new double[size];
        for (var i = 0; i < outputCount; i++)
        {
            var center = (firstOutput + i + 0.5) * scale;
            var inverse = 1.0 / filterScale;

            // (int) truncates toward zero, like the C cast it mirrors.
            var min = Math.Max((int)(center - scaledSupport + 0.5), 0);
            var max = Math.Min((int)(center + scaledSupport + 0.5), inputSize) - min;
            var total = 0.0;
            for (var x = 0; x < max; x++)
            {
                var t = (x + min - center + 0.5) * inverse;
                var w = filter == ResampleFilter.Bicubic ? Cubic(t) : Triangle(t);
                window[x] = w;
                total += w;
            }

            for (var x = 0; x < max; x++)
            {
                var w = total != 0.0 ? window[x] / total : window[x];
                weights[(i * size) + x] = w < 0
                    ? (int)(-0.5 + (w * (1 << PrecisionBits)))
                    : (int)(0.5 + (w * (1 << PrecisionBits)));
            }

            starts[i] = min;
            counts[i] = max;
        }

        return new ResampleKernel(size, starts, counts, weights);
    }

    /// <summary>Pillow's <c>bilinear_filter</c>: 1 - |x| inside (-1, 1).</summary>
    private static double Triangle(double x)
    {
        if (x < 0.0)
        {
            x = -x;
        }

        return x < 1.0 ? 1.0 - x : 0.0;
    }

    /// <summary>Pillow's <c>bicubic_filter</c>: Keys' cubic convolution with a = -0.5.</summary>
    private static double Cubic(double x)
    {
        const double a = -0.5;
        if (x < 0.0)
        {
            x = -x;
        }

        if (x < 1.0)
        {
            return ((((a + 2.0) * x) - (a + 3.0)) * x * x) + 1;
        }

        if (x < 2.0)
        {
            return ((((x - 5) * x) + 8) * x - 4) * a;
        }

        return 0.0;
    }
}
