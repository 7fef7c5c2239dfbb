using Aro.TestSupport;
using Aro.Core.Text.Pos;
using Aro.Tagging.Training;
using Xunit;

namespace Aro.Core.Tests.Text.Pos;

public sealed class PerceptronTrainerTests
{
    // A toy treebank: "DT (JJ) NN VBZ" sentences and a few "PRP VBP DT NN" ones.
    private static readonly TaggedSentence[] Toy =
    [
        Sentence("the/DT dog/NN runs/VBZ"),
        Sentence("a/DT big/JJ cat/NN sleeps/VBZ"),
        Sentence("the/DT small/JJ bird/NN sings/VBZ"),
        Sentence("a/DT dog/NN sleeps/VBZ"),
        Sentence("the/DT cat/NN runs/VBZ"),
        Sentence("we/PRP see/VBP the/DT dog/NN"),
        Sentence("they/PRP like/VBP a/DT big/JJ bird/NN"),
        Sentence("the/DT big/JJ dog/NN sings/VBZ"),
    ];

    [Fact]
    public void Learns_its_training_sentences()
    {
        var tagger = new PerceptronTagger(PerceptronTrainer.Train(Toy, iterations: 5, seed: 1));
        var accuracy = TaggerEvaluation.Evaluate(tagger, Toy);
        Assert.Equal(1.0, accuracy.Xpos);
        Assert.Equal(1.0, accuracy.Upos);
    }

    [Fact]
    public void The_same_data_iterations_and_seed_give_the_same_bytes()
    {
        Assert.Equal(Bytes(PerceptronTrainer.Train(Toy, 4, 3)), Bytes(PerceptronTrainer.Train(Toy, 4, 3)));
    }

    [Fact]
    public void A_saved_model_loads_back_with_the_same_tags_and_facts()
    {
        using var folder = new TempDirectory();
        var model = PerceptronTrainer.Train(Toy, 3, 2);
        var path = folder.File("toy.tagger.gz");
        PerceptronModelWriter.Save(model, path);

        var loaded = PerceptronModel.Load(path);

        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.Training, loaded.Training);
        Assert.Equal(new PerceptronTrainingInfo(3, 2, 8, 30, 0), loaded.Training);
        Assert.Equal(model.WeightCount, loaded.WeightCount);
        string[] sentence = ["a", "small", "cat", "sings"];
        Assert.Equal(new PerceptronTagger(model).Tag(sentence), new PerceptronTagger(loaded).Tag(sentence));
        Assert.Equal(Bytes(model), Bytes(loaded));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Extra_sentences_and_a_word_class_lexicon_are_trained_on_and_saved_with_the_model()
    {
        using var folder = new TempDirectory();
        folder.Write("index.noun", "ocelot n 1 1 @ 1 0 02124623  \n");
        folder.Write("index.verb", "sing v 1 1 @ 1 1 01729431  \n");
        folder.Write("index.adj", "leafy a 1 1 & 1 0 01700415  \n");
        folder.Write("index.adv", "");
        folder.Write("data.noun", "02124623 05 n 01 ocelot 0 001 @ 02124272 n 0000 | a cat\n");
        foreach (var exceptions in new[] { "noun.exc", "verb.exc", "adj.exc", "adv.exc" })
        {
            folder.Write(exceptions, "");
        }

        TaggedSentence[] extra = [Sentence("a/DT leafy/JJ ocelot/NN sings/VBZ")];
        var model = PerceptronTrainer.Train(Toy, extra, WordNetLexicon.Load(folder.Path), iterations: 5, seed: 1);
        var path = folder.File("lexicon.tagger.gz");
        PerceptronModelWriter.Save(model, path);
        var loaded = PerceptronModel.Load(path);

        Assert.Equal(new PerceptronTrainingInfo(5, 1, Toy.Length, 30 + 4, 1), loaded.Training);
        Assert.Equal(3, loaded.Lexicon.Count);
        Assert.Equal(WordClassLexicon.Noun, loaded.Lexicon.Classify("ocelots"));
        Assert.Equal(WordClassLexicon.Verb, loaded.Lexicon.Classify("singing"));
        Assert.Equal(Bytes(model), Bytes(loaded));
        Assert.Equal(["DT", "JJ", "NN", "VBZ"], new PerceptronTagger(loaded).Tag(["a", "leafy", "ocelot", "sings"]).Select(t => t.Xpos));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_an_input_error()
    {
        using var folder = new TempDirectory();
        var notGzip = folder.Write("plain.gz", "not a model");
        var truncated = folder.File("truncated.gz");
        File.WriteAllBytes(truncated, Bytes(PerceptronTrainer.Train(Toy, 1, 1))[..40]);

        Assert.Throws<AroInputException>(() => PerceptronModel.Load(notGzip));
        Assert.Throws<AroInputException>(() => PerceptronModel.Load(truncated));
        Assert.Throws<AroInputException>(() => PerceptronModel.Load(folder.File("missing.gz")));
    }

    [Fact]
    public void No_sentences_is_an_input_error()
    {
        Assert.Throws<AroInputException>(() => PerceptronTrainer.Train([], 1, 1));
    }

    private static byte[] Bytes(PerceptronModel model)
    {
        using var stream = new MemoryStream();
        PerceptronModelWriter.Save(model, stream);
        return stream.ToArray();
    }

    private static TaggedSentence Sentence(string tagged)
    {
        var pairs = tagged.Split(' ').Select(pair => pair.Split('/')).ToArray();
        var upos = new Dictionary<string, string> { ["DT"] = "DET", ["NN"] = "NOUN", ["JJ"] = "ADJ", ["VBZ"] = "VERB", ["VBP"] = "VERB", ["PRP"] = "PRON" };
        return new TaggedSentence([.. pairs.Select(p => p[0])], [.. pairs.Select(p => new PosTag(upos[p[1]], p[1]))]);
    }
}
