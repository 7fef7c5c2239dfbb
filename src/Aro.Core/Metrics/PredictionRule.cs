namespace Aro.Core.Metrics;

/// <summary>
/// How one case's option scores become a prediction: each benchmark states its official tie rule here instead of
/// leaving it to the order of its options.
/// </summary>
public abstract class PredictionRule
{
    /// <summary>
    /// The official ARO rule, <c>np.argmax</c>: the FIRST maximum. A tie therefore picks option 0, which is wrong on
    /// VG (option 0 is the false caption) and right on Order (option 0 is the original). A NaN wins where it first
    /// appears, as numpy's argmax does.
    /// </summary>
    public static PredictionRule FirstArgmax { get; } = new FirstArgmaxRule();

    /// <summary>
    /// SugarCrepe's rule (<c>1 if pos_score &gt; neg_score else 0</c>): the labelled option is predicted only when it
    /// scores strictly higher than every other option; otherwise the first best of the others is. A tie is wrong.
    /// </summary>
    public static PredictionRule LabelStrictlyHighest { get; } = new LabelStrictlyHighestRule();

    /// <summary>The rule's name in run.json and the docs.</summary>
    public abstract string Name { get; }

    /// <summary>What a tie counts as, in one phrase.</summary>
    public abstract string TieDescription { get; }

    /// <summary>The predicted option of a case with <paramref name="scores"/> whose correct option is <paramref name="label"/>.</summary>
    public abstract int Predict(IReadOnlyList<double> scores, int label);

    /// <summary>The first index of the largest score, skipping <paramref name="except"/>; a NaN wins at once.</summary>
    private static int FirstBest(IReadOnlyList<double> scores, int except)
    {
        var best = -1;
        for (var i = 0; i < scores.Count; i++)
        {
            if (i == except)
            {
                continue;
            }

            if (double.IsNaN(scores[i]))
            {
                return i;
            }

            if (best < 0 || scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best >= 0 ? best : throw new ArgumentException("no scores to choose from", nameof(scores));
    }

    private sealed class FirstArgmaxRule : PredictionRule
    {
        public override string Name => "first-argmax";

        public override string TieDescription => "a tie goes to the first of the tied options";

        public override int Predict(IReadOnlyList<double> scores, int label) => FirstBest(scores, except: -1);
    }

    private sealed class LabelStrictlyHighestRule : PredictionRule
    {
        public override string Name => "label-strictly-highest";

        public override string TieDescription => "a tie with the correct option counts wrong";

        public override int Predict(IReadOnlyList<double> scores, int label)
        {
            var other = FirstBest(scores, except: label);
            return scores[label] > scores[other] ? label : other;
        }
    }
}
