namespace Aro.Core.Text.Pos;

/// <summary>
/// Which open word classes a word form can belong to — noun, verb, adjective, adverb — as a dictionary says
/// (the shipped model's comes from WordNet 3.0): one tagger feature that tells an unseen adjective ("leafy")
/// from an unseen noun ("ocelot") where context cannot.
/// </summary>
/// <remarks>
/// Stored in the model as hashed lemma sets per class plus the irregular forms (<c>mice</c>, <c>sitting</c>).
/// A form is looked up as WordNet's morphological analyser ("morphy") does: the form itself, then the form with
/// each regular inflection of the class detached (nouns: <c>-s -ses -xes -zes -ches -shes -men -ies</c>; verbs:
/// <c>-s -ies -es -ed -ing</c>; adjectives: <c>-er -est</c>), then the irregular forms.
/// </remarks>
internal sealed class WordClassLexicon
{
    public const byte Noun = 1;
    public const byte Verb = 2;
    public const byte Adjective = 4;
    public const byte Adverb = 8;

    private const int HashTemplate = 250;

    private static readonly (string Suffix, string Ending)[] NounRules =
        [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")];

    private static readonly (string Suffix, string Ending)[] VerbRules =
        [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")];

    private static readonly (string Suffix, string Ending)[] AdjectiveRules = [("er", ""), ("est", ""), ("er", "e"), ("est", "e")];

    private readonly uint[][] _lemmas;
    private readonly Dictionary<uint, byte> _irregular;

    /// <param name="lemmas">Sorted lemma hashes of the noun, verb, adjective and adverb classes, in that order.</param>
    /// <param name="irregular">Irregular form hash → the classes it inflects.</param>
    public WordClassLexicon(uint[][] lemmas, Dictionary<uint, byte> irregular)
    {
        if (lemmas.Length != 4)
        {
            throw new ArgumentException($"a lexicon has 4 classes, found {lemmas.Length}", nameof(lemmas));
        }

        _lemmas = lemmas;
        _irregular = irregular;
    }

    /// <summary>A lexicon that knows no word (models trained without one).</summary>
    public static WordClassLexicon Empty { get; } = new([[], [], [], []], []);

    /// <summary>How many lemmas and irregular forms it holds.</summary>
    public int Count => _lemmas.Sum(set => set.Length) + _irregular.Count;

    /// <summary>The lemma hashes of each class (noun, verb, adjective, adverb), ascending.</summary>
    public IReadOnlyList<uint[]> Lemmas => _lemmas;

    /// <summary>Irregular form hash → classes.</summary>
    public IReadOnlyDictionary<uint, byte> Irregular => _irregular;

    /// <summary>The hash a lemma or irregular form is stored under.</summary>
    public static uint Hash(ReadOnlySpan<char> word) => FeatureHash.Of(HashTemplate, word);

    /// <summary>The classes of a lower-case word form (a bit set of <see cref="Noun"/>, <see cref="Verb"/>, ...; 0 when unknown).</summary>
    public byte Classify(string form)
    {
        if (Count == 0 || form.Length == 0)
        {
            return 0;
        }

        var classes = _irregular.GetValueOrDefault(Hash(form));
        if (Known(0, form, NounRules))
        {
            classes |= Noun;
        }

        if (Known(1, form, VerbRules))
        {
            classes |= Verb;
        }

        if (Known(2, form, AdjectiveRules))
        {
            classes |= Adjective;
        }

        if (Contains(3, form))
        {
            classes |= Adverb;
        }

        return classes;
    }

    private bool Known(int set, string form, (string Suffix, string Ending)[] rules)
    {
        if (Contains(set, form))
        {
            return true;
        }

        foreach (var (suffix, ending) in rules)
        {
            if (form.Length > suffix.Length && form.EndsWith(suffix, StringComparison.Ordinal)
                && Contains(set, string.Concat(form.AsSpan(0, form.Length - suffix.Length), ending)))
            {
                return true;
            }
        }

        return false;
    }

    private bool Contains(int set, string lemma) => Array.BinarySearch(_lemmas[set], Hash(lemma)) >= 0;

    /// <summary>Reads the lexicon section of a model: per class a count and ascending hash deltas, then the irregular forms.</summary>
    public static WordClassLexicon Read(BinaryReader reader)
    {
        var lemmas = new uint[4][];
        for (var set = 0; set < 4; set++)
        {
            var count = reader.ReadInt32();
            if (count < 0)
            {
                throw new InvalidDataException($"negative lexicon size {count}");
            }

            lemmas[set] = new uint[count];
            var hash = 0L;
            for (var i = 0; i < count; i++)
            {
                var delta = reader.Read7BitEncodedInt64();
                if (delta < 0 || (i > 0 && delta == 0) || hash + delta > uint.MaxValue)
                {
                    throw new InvalidDataException($"lexicon entry {i} of class {set} is out of order");
                }

                hash += delta;
                lemmas[set][i] = (uint)hash;
            }
        }

        var irregularCount = reader.ReadInt32();
        if (irregularCount < 0)
        {
            throw new InvalidDataException($"negative irregular-form count {irregularCount}");
        }

        var irregular = new Dictionary<uint, byte>(irregularCount);
        for (var i = 0; i < irregularCount; i++)
        {
            irregular[reader.ReadUInt32()] = reader.ReadByte();
        }

        return new WordClassLexicon(lemmas, irregular);
    }
}
