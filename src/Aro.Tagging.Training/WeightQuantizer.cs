using Aro.Core.Text.Pos;

namespace Aro.Tagging.Training;

/// <summary>
/// Chooses the one-byte logarithmic code (<see cref="LogWeightCodes"/>) of each averaged weight: the code whose
/// value is nearest to the weight scaled so that the stage's largest weight gets the top code.
/// </summary>
internal static class WeightQuantizer
{
    /// <summary>The code nearest to <paramref name="weight"/> / <paramref name="maximum"/>; 0 when it is negligible.</summary>
    public static sbyte Encode(double weight, double maximum)
    {
        var magnitudes = LogWeightCodes.AllMagnitudes;
        var scaled = Math.Abs(weight) / maximum * LogWeightCodes.Top;
        if (scaled < magnitudes[1] / 2.0)
        {
            return 0;
        }

        // Magnitudes ascend: find the first not below the value, then take the nearer of it and its neighbour.
        var level = magnitudes[1..].BinarySearch((int)Math.Min(Math.Round(scaled, MidpointRounding.ToEven), LogWeightCodes.Top));
        level = (level >= 0 ? level : ~level) + 1;
        if (level > LogWeightCodes.Levels)
        {
            level = LogWeightCodes.Levels;
        }
        else if (level > 1 && scaled - magnitudes[level - 1] < magnitudes[level] - scaled)
        {
            level--;
        }

        return (sbyte)(weight < 0 ? -level : level);
    }
}
