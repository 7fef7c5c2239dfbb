using Aro.Core.Text.Pos;
using Aro.Tagging.Training;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Text.Pos;

/// <summary>WordNet reading, the word-class lexicon and the synthetic captions, on a small WordNet written here.</summary>
public sealed class WordNetCaptionsTests
{
    // A few lines of each WordNet 3.0 file in its own layout (index: lemma pos synset_cnt p_cnt [ptrs] sense_cnt
    // tagsense_cnt offsets; data.noun: offset lex_filenum ss_type w_cnt word lex_id ...).
    private static void WriteWordNet(TempDirectory folder)
    {
        folder.Write("index.noun",
            "  1 This software and database is being provided\n" +
            "ocelot n 1 1 @ 1 0 02124623  \n" +
            "trombone n 1 1 @ 1 0 04490091  \n" +
            "mouse n 2 2 @ ~ 2 1 02330245 03793489  \n" +
            "box n 2 1 @ 2 1 02883344 13775093  \n" +
            "idea n 1 1 @ 1 1 05833840  \n" +
            "walk n 1 1 @ 1 1 00284798  \n" +
            "orange n 1 1 @ 1 1 07747607  \n" +
            "ice_cream n 1 1 @ 1 1 07614500  \n");
        folder.Write("index.verb", "walk v 1 1 @ 1 1 01904930  \nsit v 1 1 @ 1 1 01984902  \n");
        folder.Write("index.adj", "leafy a 1 1 & 1 0 01700415  \nhappy a 1 1 & 1 4 01148283  \norange a 1 1 & 1 1 00378892  \nrare a 1 1 & 1 2 01067694  \n");
        folder.Write("index.adv", "quickly r 1 0 1 1 00085811  \n");
        folder.Write("data.noun",
            "  1 This software and database is being provided\n" +
            "02124623 05 n 01 ocelot 0 001 @ 02124272 n 0000 | a cat\n" +
            "04490091 06 n 01 trombone 0 001 @ 03110669 n 0000 | brass\n" +
            "02330245 05 n 01 mouse 0 001 @ 02329401 n 0000 | rodent\n" +
            "02883344 06 n 01 box 0 001 @ 02973558 n 0000 | container\n" +
            "05833840 09 n 01 idea 0 001 @ 05833840 n 0000 | a thought\n" +
            "00284798 04 n 01 walk 0 001 @ 00284798 n 0000 | a stroll\n" +
            "07747607 13 n 01 orange 0 001 @ 07747607 n 0000 | fruit\n");
        folder.Write("noun.exc", "mice mouse\n");
        folder.Write("verb.exc", "sitting sit\nsat sit\n");
        folder.Write("adj.exc", "happier happy\n");
        folder.Write("adv.exc", "");
    }

    [Fact]
    public void Reads_lemmas_concrete_nouns_tag_counts_and_irregular_forms()
    {
        using var folder = new TempDirectory();
        WriteWordNet(folder);
        var wordnet = WordNetLexicon.Load(folder.Path);

        Assert.Contains("ocelot", wordnet.Nouns);
        Assert.DoesNotContain("ice_cream", wordnet.Nouns);
        Assert.Equal(["box", "mouse", "ocelot", "orange", "trombone"], wordnet.ConcreteNouns.Order(StringComparer.Ordinal));
        Assert.Equal(0, wordnet.AdjectiveTagCounts["leafy"]);
        Assert.Equal(4, wordnet.AdjectiveTagCounts["happy"]);
        Assert.Equal("mice", wordnet.Plural("mouse"));
        Assert.Equal("boxes", wordnet.Plural("box"));
        Assert.Equal("ocelots", wordnet.Plural("ocelot"));
        Assert.Equal(WordClassLexicon.Verb, wordnet.IrregularForms["sitting"]);
    }

    [Theory]
    [InlineData("ocelot", WordClassLexicon.Noun)]
    [InlineData("ocelots", WordClassLexicon.Noun)]
    [InlineData("boxes", WordClassLexicon.Noun)]
    [InlineData("mice", WordClassLexicon.Noun)]
    [InlineData("walking", WordClassLexicon.Verb)]
    [InlineData("walks", WordClassLexicon.Noun | WordClassLexicon.Verb)]
    [InlineData("sitting", WordClassLexicon.Verb)]
    [InlineData("leafy", WordClassLexicon.Adjective)]
    [InlineData("happier", WordClassLexicon.Adjective)]
    [InlineData("rarest", WordClassLexicon.Adjective)]
    [InlineData("orange", WordClassLexicon.Noun | WordClassLexicon.Adjective)]
    [InlineData("quickly", WordClassLexicon.Adverb)]
    [InlineData("the", 0)]
    [InlineData("", 0)]
    public void Classifies_forms_as_wordnets_morphy_would(string form, int expected)
    {
        using var folder = new TempDirectory();
        WriteWordNet(folder);
        Assert.Equal(expected, WordNetLexicon.Load(folder.Path).ToWordClassLexicon().Classify(form));
    }

    [Fact]
    public void Caption_vocabulary_leaves_out_held_out_words_and_their_plurals()
    {
        using var folder = new TempDirectory();
        WriteWordNet(folder);
        var wordnet = WordNetLexicon.Load(folder.Path);
        TaggedSentence[] treebank = [Sentence("the/DT/DET dogs/NNS/NOUN are/VBP/AUX running/VBG/VERB")];

        var vocabulary = CaptionVocabulary.Build(wordnet, treebank, new HashSet<string> { "trombones", "mice" });

        // trombone and mouse: their plurals are held out; walk and idea: not concrete; orange: a concrete noun and
        // a tagged adjective, so both; leafy: an adjective SemCor never tagged. Treebank words come with their tags.
        Assert.Equal(["box", "ocelot", "orange"], vocabulary.Nouns);
        Assert.Equal(["boxes", "dogs", "ocelots", "oranges"], vocabulary.PluralNouns);
        Assert.Equal(["happy", "orange", "rare"], vocabulary.Adjectives);
        Assert.Equal(["running"], vocabulary.Gerunds);
        Assert.DoesNotContain("trombone", vocabulary.AllWords);
        Assert.DoesNotContain("mouse", vocabulary.AllWords);
    }

    [Fact]
    public void Synthetic_captions_are_deterministic_tagged_and_use_only_the_vocabulary()
    {
        using var folder = new TempDirectory();
        WriteWordNet(folder);
        var wordnet = WordNetLexicon.Load(folder.Path);
        TaggedSentence[] treebank =
        [
            Sentence("the/DT/DET dogs/NNS/NOUN are/VBP/AUX running/VBG/VERB"),
            Sentence("it/PRP/PRON sits/VBZ/VERB parked/VBN/VERB"),
        ];
        var vocabulary = CaptionVocabulary.Build(wordnet, treebank, new HashSet<string>());

        var first = SyntheticCaptions.Generate(vocabulary, 300, seed: 5);
        var again = SyntheticCaptions.Generate(vocabulary, 300, seed: 5);
        var other = SyntheticCaptions.Generate(vocabulary, 300, seed: 6);

        Assert.Equal(first.Select(s => string.Join(' ', s.Words)), again.Select(s => string.Join(' ', s.Words)));
        Assert.NotEqual(first.Select(s => string.Join(' ', s.Words)), other.Select(s => string.Join(' ', s.Words)));
        var open = vocabulary.AllWords.ToHashSet();
        foreach (var sentence in first)
        {
            Assert.Equal(sentence.Words.Count, sentence.Tags.Count);
            for (var i = 0; i < sentence.Words.Count; i++)
            {
                var tag = sentence.Tags[i];
                if (tag.Upos is "NOUN" or "ADJ" or "VERB" && sentence.Words[i].ToLowerInvariant() is not ("several" or "many" or "is" or "are"))
                {
                    Assert.Contains(i == 0 ? sentence.Words[i].ToLowerInvariant() : sentence.Words[i], open);
                }

                if (sentence.Words[i] is "a" or "A" or "an" or "An")
                {
                    Assert.Equal("aeiou".Contains(sentence.Words[i + 1][0]) ? 'n' : 'a', char.ToLowerInvariant(sentence.Words[i][^1]));
                }
            }
        }

        // Both spellings captions come in: capitalised (some with a final period) and pre_caption's lower case.
        Assert.Contains(first, s => char.IsUpper(s.Words[0][0]) && s.Words[^1] == ".");
        Assert.Contains(first, s => char.IsLower(s.Words[0][0]) && s.Words[^1] != ".");
    }

    [Fact]
    public void A_missing_wordnet_file_is_an_input_error()
    {
        using var folder = new TempDirectory();
        var error = Assert.Throws<AroInputException>(() => WordNetLexicon.Load(folder.Path));
        Assert.Contains("index.noun", error.Message);
    }

    private static TaggedSentence Sentence(string tagged)
    {
        var parts = tagged.Split(' ').Select(token => token.Split('/')).ToArray();
        return new TaggedSentence([.. parts.Select(p => p[0])], [.. parts.Select(p => new PosTag(p[2], p[1]))]);
    }
}
