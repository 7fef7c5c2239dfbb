using Aro.Core.Text.Pos;

namespace Aro.Tagging.Training;

/// <summary>
/// The open-class words synthetic captions are made of, each with the one tag it gets there: concrete nouns and
/// their plurals, adjectives, gerunds, present-tense and past-participle verbs.
/// </summary>
/// <remarks>
/// Nouns are WordNet's concrete nouns (whatever other senses they have: in a noun slot the word is a noun, which
/// teaches the tagger to read ambiguous words by their context), plus words the treebank tags as common nouns at
/// least 80% of the time; adjectives are WordNet adjectives SemCor tagged at least once, plus the treebank's; verb forms come from the treebank (at least 80% of a word's tags),
/// so their spelling is real. Every word of <c>heldOut</c> (an evaluation set's vocabulary), and any word whose
/// singular or plural is held out, is left out.
/// </remarks>
public sealed class CaptionVocabulary
{
    private CaptionVocabulary(
        string[] nouns, string[] pluralNouns, string[] adjectives, string[] gerunds, string[] presentVerbs, string[] participles)
    {
        Nouns = nouns;
        PluralNouns = pluralNouns;
        Adjectives = adjectives;
        Gerunds = gerunds;
        PresentVerbs = presentVerbs;
        Participles = participles;
    }

    public IReadOnlyList<string> Nouns { get; }

    public IReadOnlyList<string> PluralNouns { get; }

    public IReadOnlyList<string> Adjectives { get; }

    public IReadOnlyList<string> Gerunds { get; }

    public IReadOnlyList<string> PresentVerbs { get; }

    public IReadOnlyList<string> Participles { get; }

    /// <summary>Every word form of the vocabulary.</summary>
    public IEnumerable<string> AllWords => Nouns.Concat(PluralNouns).Concat(Adjectives).Concat(Gerunds).Concat(PresentVerbs).Concat(Participles);

    public static CaptionVocabulary Build(WordNetLexicon wordnet, IReadOnlyList<TaggedSentence> treebank, IReadOnlySet<string> heldOut)
    {
        ArgumentNullException.ThrowIfNull(wordnet);
        ArgumentNullException.ThrowIfNull(treebank);
        ArgumentNullException.ThrowIfNull(heldOut);

        var tags = TreebankTags(treebank);
        bool Allowed(string word) => !heldOut.Contains(word) && !heldOut.Contains(wordnet.Plural(word)) && !Singulars(word).Any(heldOut.Contains);

        var nouns = new SortedSet<string>(StringComparer.Ordinal);
        var plurals = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var noun in wordnet.ConcreteNouns)
        {
            if (Allowed(noun))
            {
                nouns.Add(noun);
                plurals.Add(wordnet.Plural(noun));
            }
        }

        nouns.UnionWith(Mostly(tags, "NN").Where(Allowed));
        plurals.UnionWith(Mostly(tags, "NNS").Where(Allowed));

        var adjectives = new SortedSet<string>(
            wordnet.AdjectiveTagCounts.Where(entry => entry.Value > 0).Select(entry => entry.Key).Where(Allowed),
            StringComparer.Ordinal);
        adjectives.UnionWith(Mostly(tags, "JJ").Where(Allowed));

        return new CaptionVocabulary(
            [.. nouns], [.. plurals], [.. adjectives],
            [.. Mostly(tags, "VBG").Where(Allowed)],
            [.. Mostly(tags, "VBZ").Where(word => Allowed(word) && word is not ("is" or "has" or "does" or "was"))],
            [.. Mostly(tags, "VBN").Where(Allowed)]);
    }

    /// <summary>The XPOS counts of every lower-case alphabetic word of the treebank.</summary>
    private static Dictionary<string, Dictionary<string, int>> TreebankTags(IReadOnlyList<TaggedSentence> treebank)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var sentence in treebank)
        {
            for (var i = 0; i < sentence.Words.Count; i++)
            {
                var word = sentence.Words[i];
                if (word.Length < 2 || !word.All(c => c is >= 'a' and <= 'z'))
                {
                    continue;
                }

                if (!counts.TryGetValue(word, out var perTag))
                {
                    perTag = new Dictionary<string, int>(StringComparer.Ordinal);
                    counts.Add(word, perTag);
                }

                perTag[sentence.Tags[i].Xpos] = perTag.GetValueOrDefault(sentence.Tags[i].Xpos) + 1;
            }
        }

        return counts;
    }

    // Words tagged `xpos` in at least 80% of their treebank occurrences, in ordinal order.
    private static IEnumerable<string> Mostly(Dictionary<string, Dictionary<string, int>> tags, string xpos) =>
        tags.Where(entry => entry.Value.GetValueOrDefault(xpos) >= 0.8 * entry.Value.Values.Sum())
            .Select(entry => entry.Key)
            .Order(StringComparer.Ordinal);

    // Every form a plural could come from ("boxes" -> "boxe", "box"; "flies" -> "flie", "fly").
    private static IEnumerable<string> Singulars(string word)
    {
        if (word.EndsWith('s'))
        {
            yield return word[..^1];
        }

        if (word.EndsWith("es", StringComparison.Ordinal))
        {
            yield return word[..^2];
        }

        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            yield return word[..^3] + "y";
        }
    }
}
