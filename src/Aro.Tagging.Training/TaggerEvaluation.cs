using Aro.Core;
using Aro.Core.Text.Pos;

namespace Aro.Tagging.Training;

/// <summary>Scores a tagger against a treebank's gold tags (gold tokenisation, every token counted).</summary>
public static class TaggerEvaluation
{
    /// <summary>Accuracy of <paramref name="tagger"/> on a CoNLL-U file (e.g. UD English EWT dev or test).</summary>
    public static TaggerAccuracy Evaluate(IPosTagger tagger, string conlluPath) =>
        Evaluate(tagger, ConlluReader.Read(conlluPath));

    /// <summary>Accuracy of <paramref name="tagger"/> on gold-tagged sentences.</summary>
    public static TaggerAccuracy Evaluate(IPosTagger tagger, IEnumerable<TaggedSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(sentences);
        int sentenceCount = 0, tokens = 0, upos = 0, xpos = 0, nounAdjective = 0;
        foreach (var sentence in sentences)
        {
            var predicted = tagger.Tag(sentence.Words);
            for (var i = 0; i < sentence.Tags.Count; i++)
            {
                var gold = sentence.Tags[i];
                upos += predicted[i].Upos == gold.Upos ? 1 : 0;
                xpos += predicted[i].Xpos == gold.Xpos ? 1 : 0;
                nounAdjective += predicted[i].NounAdjective == gold.NounAdjective ? 1 : 0;
            }

            tokens += sentence.Tags.Count;
            sentenceCount++;
        }

        return tokens == 0
            ? new TaggerAccuracy(sentenceCount, 0, 0, 0, 0)
            : new TaggerAccuracy(sentenceCount, tokens, (double)upos / tokens, (double)xpos / tokens, (double)nounAdjective / tokens);
    }
}
