using Aro.TestSupport;
using Aro.Core.Text.Pos;
using Aro.Tagging.Training;
using Xunit;

namespace Aro.Core.Tests.Text.Pos;

public sealed class PerceptronTaggerTests
{
    [Fact]
    public void The_embedded_model_loads_with_both_tag_sets()
    {
        var tagger = PerceptronTagger.LoadEmbedded();
        Assert.Same(tagger, PerceptronTagger.LoadEmbedded());
        Assert.Contains(new PosTag("NOUN", "NN"), tagger.Model.Labels);
        Assert.Contains(new PosTag("ADJ", "JJ"), tagger.Model.Labels);
        Assert.Equal(PerceptronTrainer.DefaultIterations, tagger.Model.Training.Iterations);
        Assert.Equal(PerceptronTrainer.DefaultSeed, tagger.Model.Training.Seed);
        Assert.Equal(12_544, tagger.Model.Training.Sentences);
    }

    [Theory]
    [InlineData("The big dog is running .", "DT JJ NN VBZ VBG .")]
    [InlineData("A dog runs through a field .", "DT NN VBZ IN DT NN .")]
    [InlineData("A man riding a red bike on a dirt road .", "DT NN VBG DT JJ NN IN DT NN NN .")]
    [InlineData("Two small cats are sleeping on the sofa", "CD JJ NNS VBP VBG IN DT NN")]
    public void Tags_plain_captions(string sentence, string expected)
    {
        var tags = PerceptronTagger.LoadEmbedded().Tag(sentence.Split(' '));
        Assert.Equal(expected.Split(' '), tags.Select(tag => tag.Xpos));
    }

    [Fact]
    public void No_tokens_no_tags()
    {
        Assert.Empty(PerceptronTagger.LoadEmbedded().Tag([]));
    }

    [Fact]
    public void Tagging_from_many_threads_gives_the_same_tags()
    {
        var tagger = PerceptronTagger.LoadEmbedded();
        string[] tokens = ["A", "woman", "in", "a", "blue", "t", "-", "shirt", "holds", "an", "umbrella", "."];
        var expected = string.Join(' ', tagger.Tag(tokens));
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = string.Join(' ', tagger.Tag(tokens)));
        Assert.All(results, result => Assert.Equal(expected, result));
    }

    [SkippableFact]
    public void Reaches_the_documented_accuracy_on_ewt_dev()
    {
        // docs/pos-tagger.md: UPOS 95.08%, XPOS 94.43%, noun/adjective decision 97.44% on EWT dev.
        var dev = SharedData.Require("ud-english-ewt", "en_ewt-ud-dev.conllu");
        var accuracy = TaggerEvaluation.Evaluate(PerceptronTagger.LoadEmbedded(), dev);
        Assert.Equal(25_147, accuracy.Tokens);
        Assert.True(accuracy.Upos >= 0.950, $"UPOS {accuracy.Upos:P2}");
        Assert.True(accuracy.Xpos >= 0.944, $"XPOS {accuracy.Xpos:P2}");
        Assert.True(accuracy.NounAdjective >= 0.974, $"noun/adjective {accuracy.NounAdjective:P2}");
    }
}
