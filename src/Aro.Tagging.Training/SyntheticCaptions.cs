using Aro.Core.Randomness;
using Aro.Core.Text.Pos;

namespace Aro.Tagging.Training;

/// <summary>
/// Caption-shaped training sentences with gold tags, from templates over a <see cref="CaptionVocabulary"/>: the
/// shapes of COCO and Flickr30k captions ("A dog running on the beach", "Two men riding horses along a road",
/// "A plate of food on a table") that the UD English EWT treebank hardly has, written as captions are (a
/// capitalised first word, with or without a final period) and as <c>pre_caption</c> leaves them (lower case,
/// no period).
/// </summary>
/// <remarks>
/// Deterministic: sentence <c>k</c> draws from the <see cref="SplitMix64"/> stream (seed, k), so the same
/// vocabulary, count and seed give the same sentences.
/// </remarks>
public static class SyntheticCaptions
{
    // A template is a list of slots; a slot is an upper-case kind (see Fill), optionally followed by '?' (present
    // 40% of the time), or a literal "word/XPOS/UPOS".
    private static readonly string[][] Templates =
    [
        .. new[]
        {
            "A ADJ? NOUN VBG PREP DET ADJ? NOUN",
            "A ADJ? NOUN VBG PREP DET ADJ? NOUN",
            "A ADJ? NOUN VBG PREP DET ADJ? NOUN",
            "QUANT ADJ? NOUNS VBG PREP DET ADJ? NOUN",
            "QUANT ADJ? NOUNS VBG PREP DET ADJ? NOUNS",
            "A ADJ? NOUN VBG A ADJ? NOUN",
            "A ADJ? NOUN VBG DET NOUN PREP DET ADJ? NOUN",
            "A NOUN of/IN/ADP NOUNS PREP DET ADJ? NOUN",
            "A ADJ? NOUN of/IN/ADP NOUN",
            "DET ADJ? NOUN VBZ PREP DET ADJ? NOUN",
            "DET ADJ? NOUN VBZ DET NOUN",
            "A ADJ? NOUN is/VBZ/AUX VBG PREP DET NOUN",
            "QUANT NOUNS are/VBP/AUX VBG PREP DET ADJ? NOUN",
            "A ADJ? NOUN VBN PREP DET ADJ? NOUN",
            "A NOUN is/VBZ/AUX VBN PREP DET NOUN",
            "A NOUN NOUN VBG PREP DET NOUN",
            "DET NOUN NOUN PREP DET ADJ? NOUN",
            "DET ADJ? NOUN PREP DET ADJ? NOUN",
            "A ADJ ADJ? NOUN",
            "A ADJ NOUN PREP A NOUN NOUN",
            "there/EX/PRON is/VBZ/VERB A ADJ? NOUN PREP DET NOUN",
            "there/EX/PRON are/VBP/VERB QUANT NOUNS PREP DET ADJ? NOUN",
            "A NOUN and/CC/CCONJ A ADJ? NOUN VBG PREP DET NOUN",
            "A ADJ? NOUN VBG PREP POSS NOUN",
            "A NOUN with/IN/ADP A ADJ? NOUN VBG PREP DET NOUN",
            "A NOUN that/WDT/PRON is/VBZ/AUX VBG PREP DET NOUN",
            "A NOUN VBG while/IN/SCONJ VBG A NOUN",
            "NOUNS VBG PREP DET ADJ? NOUN",
            "A ADJ? NOUN VBG PREP DET NOUN PREP DET NOUN",
            "A NOUN VBG DET NOUN of/IN/ADP A NOUN",
            "A ADJ? NOUN and/CC/CCONJ A ADJ? NOUN",
            "QUANT NOUNS VBG",
            "A NOUN VBG",
        }.Select(template => template.Split(' ')),
    ];

    private static readonly string[] Prepositions =
        ["on", "in", "near", "behind", "under", "beside", "across", "through", "along", "over", "at", "by", "with",
         "into", "onto", "toward", "around", "inside", "outside", "against", "above", "below", "underneath", "past",
         "from", "among", "between", "beneath", "atop", "down", "up"];

    private static readonly string[] Determiners = ["the", "the", "the", "a", "this", "that", "another", "each", "some"];

    private static readonly string[] Numbers = ["two", "three", "four", "five", "six", "seven", "eight", "ten", "twelve"];

    private static readonly string[] Possessives = ["his", "her", "its", "their", "my", "your"];

    /// <summary><paramref name="count"/> tagged caption sentences.</summary>
    public static IReadOnlyList<TaggedSentence> Generate(CaptionVocabulary vocabulary, int count, long seed)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var sentences = new List<TaggedSentence>(count);
        for (var k = 0; k < count; k++)
        {
            var random = SplitMix64.ForStream(unchecked((ulong)seed), 0xCA97105, (ulong)k);
            var words = new List<string>();
            var tags = new List<PosTag>();
            foreach (var slot in Templates[random.NextInt(Templates.Length)])
            {
                Fill(slot, vocabulary, random, words, tags);
            }

            FixArticles(words);
            sentences.Add(Written(words, tags, random));
        }

        return sentences;
    }

    private static void Fill(string slot, CaptionVocabulary vocabulary, SplitMix64 random, List<string> words, List<PosTag> tags)
    {
        if (slot.Contains('/'))
        {
            var parts = slot.Split('/');
            Add(parts[0], parts[1], parts[2]);
            return;
        }

        if (slot.EndsWith('?'))
        {
            if (random.NextInt(10) >= 4)
            {
                return;
            }

            slot = slot[..^1];
        }

        switch (slot)
        {
            case "A":
                Add("a", "DT", "DET");
                break;
            case "DET":
                Add(Pick(Determiners), "DT", "DET");
                break;
            case "POSS":
                Add(Pick(Possessives), "PRP$", "PRON");
                break;
            case "QUANT":
                switch (random.NextInt(4))
                {
                    case 0:
                        Add("several", "JJ", "ADJ");
                        break;
                    case 1:
                        Add("many", "JJ", "ADJ");
                        break;
                    default:
                        Add(Pick(Numbers), "CD", "NUM");
                        break;
                }

                break;
            case "PREP":
                Add(Pick(Prepositions), "IN", "ADP");
                break;
            case "ADJ":
                Add(Pick(vocabulary.Adjectives), "JJ", "ADJ");
                break;
            case "NOUN":
                Add(Pick(vocabulary.Nouns), "NN", "NOUN");
                break;
            case "NOUNS":
                Add(Pick(vocabulary.PluralNouns), "NNS", "NOUN");
                break;
            case "VBG":
                Add(Pick(vocabulary.Gerunds), "VBG", "VERB");
                break;
            case "VBZ":
                Add(Pick(vocabulary.PresentVerbs), "VBZ", "VERB");
                break;
            case "VBN":
                Add(Pick(vocabulary.Participles), "VBN", "VERB");
                break;
            default:
                throw new InvalidOperationException($"unknown caption template slot {slot}");
        }

        string Pick(IReadOnlyList<string> choices) => choices[random.NextInt(choices.Count)];

        void Add(string word, string xpos, string upos)
        {
            words.Add(word);
            tags.Add(new PosTag(upos, xpos));
        }
    }

    // "a" before a vowel letter becomes "an" (spelling, not sound: enough for tags).
    private static void FixArticles(List<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] == "a" && "aeiou".Contains(words[i + 1][0]))
            {
                words[i] = "an";
            }
        }
    }

    // Half as written (capitalised, 60% with a final period), half as pre_caption leaves it (lower case, no period).
    private static TaggedSentence Written(List<string> words, List<PosTag> tags, SplitMix64 random)
    {
        if (random.NextInt(2) == 0)
        {
            return new TaggedSentence(words, tags);
        }

        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        if (random.NextInt(10) < 6)
        {
            words.Add(".");
            tags.Add(new PosTag("PUNCT", "."));
        }

        return new TaggedSentence(words, tags);
    }
}
