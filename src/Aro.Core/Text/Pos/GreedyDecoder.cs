namespace Aro.Core.Text.Pos;

/// <summary>
/// Tags a sentence left to right, each decision using the tags already chosen. Shared by tagging and training,
/// so training sees exactly the histories tagging will produce; with a learner it also updates after each word.
/// </summary>
internal static class GreedyDecoder
{
    /// <param name="scorer">The weights to score with.</param>
    /// <param name="sentence">The sentence's features.</param>
    /// <param name="forms">The words, for the tag dictionary.</param>
    /// <param name="tagDictionary">Words whose label is fixed.</param>
    /// <param name="labelNames">Label names, as the history features see them.</param>
    /// <param name="firstPass">The first stage's label names per word, when decoding the second stage.</param>
    /// <param name="learner">Training only: the weights to update (the same object as <paramref name="scorer"/>).</param>
    /// <param name="gold">Training only: the gold label of each word.</param>
    /// <returns>The label index of each word.</returns>
    public static int[] Decode(
        IFeatureScorer scorer,
        SentenceFeatures sentence,
        IReadOnlyList<string> forms,
        IReadOnlyDictionary<string, int> tagDictionary,
        string[] labelNames,
        IReadOnlyList<string>? firstPass,
        IFeatureLearner? learner = null,
        int[]? gold = null)
    {
        var labels = new int[forms.Count];
        Span<uint> features = stackalloc uint[SentenceFeatures.CountFor(firstPass is not null)];
        Span<int> scores = stackalloc int[labelNames.Length];
        var previous = SentenceFeatures.StartTag;
        var beforePrevious = SentenceFeatures.StartTag;
        for (var i = 0; i < forms.Count; i++)
        {
            if (!tagDictionary.TryGetValue(forms[i], out var label))
            {
                sentence.Fill(features, i, previous, beforePrevious, firstPass);
                scores.Clear();
                scorer.Score(features, scores);
                label = ArgMax(scores);
                learner?.Learn(features, gold![i], label);
            }

            labels[i] = label;
            beforePrevious = previous;
            previous = labelNames[label];
        }

        return labels;
    }

    /// <summary>The index of the highest score; the lowest index among equals.</summary>
    private static int ArgMax(ReadOnlySpan<int> scores)
    {
        var best = 0;
        for (var k = 1; k < scores.Length; k++)
        {
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        return best;
    }
}
