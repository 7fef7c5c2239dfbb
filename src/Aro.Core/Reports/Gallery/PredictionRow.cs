namespace Aro.Core.Reports.Gallery;

/// <summary>
/// One row of a predictions.csv with what the gallery shows: the case, each option's score and text, the right
/// option (<see cref="Label"/>) and the chosen one (<see cref="Prediction"/>).
/// </summary>
public sealed record PredictionRow(
    int Index,
    string Id,
    string Group,
    int Label,
    int Prediction,
    bool Correct,
    IReadOnlyList<double> Scores,
    IReadOnlyList<string> Options)
{
    /// <summary>
    /// How far the chosen option's score is above the right option's: 0 or more for a mistake (the chosen option is
    /// the best; 0 is a tie counted wrong), 0 for a right answer. NaN when either score is NaN.
    /// </summary>
    public double MistakeMargin => Scores[Prediction] - Scores[Label];

    /// <summary>
    /// The right option's score minus the best other option's: positive when the right option wins, negative when it
    /// loses, 0 on a tie; its absolute value is how close the call was. NaN when any score involved is NaN.
    /// </summary>
    public double LabelMargin
    {
        get
        {
            var best = double.NegativeInfinity;
            for (var i = 0; i < Scores.Count; i++)
            {
                if (i == Label)
                {
                    continue;
                }

                if (double.IsNaN(Scores[i]))
                {
                    return double.NaN;
                }

                best = Math.Max(best, Scores[i]);
            }

            return Scores[Label] - best;
        }
    }
}
