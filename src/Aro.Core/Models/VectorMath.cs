namespace Aro.Core.Models;

/// <summary>The little linear algebra scoring needs, in a fixed summation order so reruns are bit-identical.</summary>
public static class VectorMath
{
    /// <summary>Returns <paramref name="vector"/> divided by its L2 norm (a zero vector stays zero).</summary>
    public static float[] Normalize(ReadOnlySpan<float> vector)
    {
        var result = vector.ToArray();
        NormalizeInPlace(result);
        return result;
    }

    /// <summary>Divides <paramref name="vector"/> by its L2 norm where it stands (a zero vector stays zero).</summary>
    public static void NormalizeInPlace(Span<float> vector)
    {
        double sum = 0;
        foreach (var v in vector)
        {
            sum += (double)v * v;
        }

        if (sum == 0)
        {
            return;
        }

        var inverse = 1.0 / Math.Sqrt(sum);
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(vector[i] * inverse);
        }
    }

    /// <summary>Dot product accumulated in double.</summary>
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new AroException($"embedding sizes differ: image {a.Length}, text {b.Length}", 2);
        }

        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }

        return sum;
    }
}
