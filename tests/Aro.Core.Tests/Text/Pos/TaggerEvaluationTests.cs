using Aro.Core.Tests.Support;
using Aro.Core.Text.Pos;
using Aro.Tagging.Training;
using Xunit;

namespace Aro.Core.Tests.Text.Pos;

public sealed class TaggerEvaluationTests
{
    [Fact]
    public void Counts_each_tag_set_and_the_noun_adjective_decision_per_token()
    {
        // The fixed tagger says: big → JJ, dogs → NN, everything else → DT (UPOS "X" throughout).
        var tagger = new WordListTagger(new Dictionary<string, string> { ["big"] = "JJ", ["dogs"] = "NN" });
        TaggedSentence[] gold =
        [
            new(["the", "big", "dogs"], [new("X", "DT"), new("ADJ", "JJ"), new("NOUN", "NNS")]),
            new(["run"], [new("X", "VBP")]),
        ];

        var accuracy = TaggerEvaluation.Evaluate(tagger, gold);

        // UPOS right: the, run (2 of 4). XPOS right: the, big (2 of 4).
        // Noun/adjective class right: the (other), big (adj), dogs (noun: NN vs NNS), run (other): 4 of 4.
        Assert.Equal(new TaggerAccuracy(2, 4, 0.5, 0.5, 1.0), accuracy);
    }

    [Fact]
    public void No_tokens_give_zero_accuracy_rather_than_nan()
    {
        var accuracy = TaggerEvaluation.Evaluate(new WordListTagger(new Dictionary<string, string>()), []);
        Assert.Equal(new TaggerAccuracy(0, 0, 0, 0, 0), accuracy);
    }
}
