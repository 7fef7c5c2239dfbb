namespace Aro.Core.Text.Pos;

/// <summary>
/// The integer values of the model's one-byte weight codes: code ±k stands for ±<see cref="Value"/>(k), where
/// magnitudes grow by 8% a step from 1,000,000 × 1.08^-126 (about 62) to 1,000,000 for a stage's largest weight
/// (the trainer's quantiser chooses the codes). Relative error stays under 4% at every size, which a perceptron
/// tolerates, and the model is half the size of 16-bit weights.
/// </summary>
/// <remarks>
/// The table is built by repeated IEEE division and rounding, with no library logarithm or power whose last
/// bit could vary by platform, so every machine decodes the same integers and sums the same scores.
/// </remarks>
internal static class LogWeightCodes
{
    /// <summary>The largest code; codes run from -<see cref="Levels"/> to +<see cref="Levels"/>.</summary>
    public const int Levels = 127;

    /// <summary>The magnitude of code <see cref="Levels"/>.</summary>
    public const double Top = 1_000_000;

    private const double Ratio = 1.08;

    private static readonly int[] Magnitudes = BuildMagnitudes();

    /// <summary>The integer weight of a code (0 for code 0).</summary>
    public static int Value(sbyte code) => code >= 0 ? Magnitudes[code] : -Magnitudes[-code];

    /// <summary>The magnitude of each code 0..<see cref="Levels"/>, ascending (index = code).</summary>
    public static ReadOnlySpan<int> AllMagnitudes => Magnitudes;

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
