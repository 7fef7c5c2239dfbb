namespace Aro.Core.Text.Pos;

/// <summary>
/// Stores a weight in one signed byte on a logarithmic scale: code ±k stands for ±<see cref="Value"/>(k), where
/// magnitudes grow by 8% a step from 1,000,000 × 1.08^-126 (about 62) to 1,000,000 for the stage's largest
/// weight. Relative error stays under 4% at every size, which a perceptron tolerates (a linear 8-bit scale
/// would flatten the many small weights to zero), and the model is half the size of 16-bit weights.
/// </summary>
/// <remarks>
/// The table is built by repeated IEEE division and rounding, with no library logarithm or power whose last
/// bit could vary by platform, so every machine decodes the same integers and sums the same scores.
/// </remarks>
internal static class WeightQuantizer
{
    public const int Levels = 127;
    private const double Top = 1_000_000;
    private const double Ratio = 1.08;

    private static readonly int[] Magnitudes = BuildMagnitudes();

    /// <summary>The integer weight of a code (0 for code 0).</summary>
    public static int Value(sbyte code) => code >= 0 ? Magnitudes[code] : -Magnitudes[-code];

    /// <summary>The code nearest to <paramref name="weight"/> / <paramref name="maximum"/>; 0 when it is negligible.</summary>
    public static sbyte Encode(double weight, double maximum)
    {
        var scaled = Math.Abs(weight) / maximum * Top;
        if (scaled < Magnitudes[1] / 2.0)
        {
            return 0;
        }

        // Magnitudes ascend: find the first not below the value, then take the nearer of it and its neighbour.
        var level = Array.BinarySearch(Magnitudes, 1, Levels, (int)Math.Min(Math.Round(scaled, MidpointRounding.ToEven), Top));
        level = level >= 0 ? level : ~level;
        if (level > Levels)
        {
            level = Levels;
        }
        else if (level > 1 && scaled - Magnitudes[level - 1] < Magnitudes[level] - scaled)
        {
            level--;
        }

        return (sbyte)(weight < 0 ? -level : level);
    }

    private static int[] BuildMagnitudes()
    {
        var magnitudes = new int[Levels + 1];
        var value = Top;
        for (var level = Levels; level >= 1; level--)
        {
            magnitudes[level] = (int)Math.Round(value, MidpointRounding.ToEven);
            value /= Ratio;
        }

        return magnitudes;
    }
}
