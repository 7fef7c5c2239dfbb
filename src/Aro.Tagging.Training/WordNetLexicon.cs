using Aro.Core;
using Aro.Core.Text.Pos;

namespace Aro.Tagging.Training;

/// <summary>
/// The word lists of WordNet 3.0 (Princeton University) that the synthetic caption sentences draw from: which
/// lemmas have noun, verb, adjective and adverb senses, the concrete nouns (animals, artifacts, body parts, foods,
/// locations, objects, people, plants, shapes, substances), how often each adjective was sense-tagged in SemCor, and the irregular inflections. It is
/// both the source of the tagger's word-class features and the vocabulary of its synthetic captions.
/// </summary>
/// <remarks>
/// Reads the database files of a WordNet installation (Debian's <c>wordnet-base</c>: /usr/share/wordnet):
/// <c>index.{noun,verb,adj,adv}</c>, <c>data.noun</c> (for the lexicographer file of each noun synset) and
/// <c>{noun,verb,adj,adv}.exc</c>. Only single-word, lower-case lemmas are kept. WordNet's licence allows use, copying and
/// distribution with its copyright notice (docs/pos-tagger.md credits it).
/// </remarks>
public sealed class WordNetLexicon
{
    // Lexicographer files of things captions name: noun.animal, noun.artifact, noun.body, noun.food, noun.location,
    // noun.object, noun.person, noun.plant, noun.shape, noun.substance.
    private static readonly HashSet<string> ConcreteNounFiles = ["05", "06", "08", "13", "15", "17", "18", "20", "25", "27"];

    private WordNetLexicon(
        HashSet<string> nouns, HashSet<string> verbs, HashSet<string> adjectives, HashSet<string> adverbs,
        SortedSet<string> concreteNouns, Dictionary<string, int> adjectiveTagCounts, Dictionary<string, string> irregularPlurals,
        Dictionary<string, byte> irregularForms)
    {
        IrregularForms = irregularForms;
        Nouns = nouns;
        Verbs = verbs;
        Adjectives = adjectives;
        Adverbs = adverbs;
        ConcreteNouns = concreteNouns;
        AdjectiveTagCounts = adjectiveTagCounts;
        IrregularPlurals = irregularPlurals;
    }

    /// <summary>Lemmas with a noun sense.</summary>
    public IReadOnlySet<string> Nouns { get; }

    /// <summary>Lemmas with a verb sense.</summary>
    public IReadOnlySet<string> Verbs { get; }

    /// <summary>Lemmas with an adjective sense.</summary>
    public IReadOnlySet<string> Adjectives { get; }

    /// <summary>Lemmas with an adverb sense.</summary>
    public IReadOnlySet<string> Adverbs { get; }

    /// <summary>Nouns of the concrete lexicographer files, in ordinal order.</summary>
    public IReadOnlyCollection<string> ConcreteNouns { get; }

    /// <summary>How many of each adjective's senses SemCor tagged (a rough frequency: 0 for rare words).</summary>
    public IReadOnlyDictionary<string, int> AdjectiveTagCounts { get; }

    /// <summary>Singular → plural, for nouns whose plural is not regular (<c>mouse</c> → <c>mice</c>).</summary>
    public IReadOnlyDictionary<string, string> IrregularPlurals { get; }

    /// <summary>Irregular inflected forms (<c>mice</c>, <c>sitting</c>, <c>better</c>) → the classes of their lemmas.</summary>
    public IReadOnlyDictionary<string, byte> IrregularForms { get; }

    /// <summary>The word-class dictionary a tagger model stores (hashed lemma sets and irregular forms).</summary>
    internal WordClassLexicon ToWordClassLexicon()
    {
        uint[] Hashes(IReadOnlySet<string> lemmas)
        {
            var hashes = lemmas.Select(lemma => WordClassLexicon.Hash(lemma)).Distinct().ToArray();
            Array.Sort(hashes);
            return hashes;
        }

        var irregular = new Dictionary<uint, byte>();
        foreach (var (form, classes) in IrregularForms)
        {
            var hash = WordClassLexicon.Hash(form);
            irregular[hash] = (byte)(irregular.GetValueOrDefault(hash) | classes);
        }

        return new WordClassLexicon([Hashes(Nouns), Hashes(Verbs), Hashes(Adjectives), Hashes(Adverbs)], irregular);
    }

    /// <summary>Reads the WordNet database in <paramref name="folder"/> (e.g. /usr/share/wordnet).</summary>
    public static WordNetLexicon Load(string folder)
    {
        var adjectiveCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var nouns = ReadIndex(folder, "noun", null);
        var verbs = ReadIndex(folder, "verb", null);
        var adjectives = ReadIndex(folder, "adj", adjectiveCounts);
        var adverbs = ReadIndex(folder, "adv", null);

        var concrete = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in Lines(folder, "data.noun"))
        {
            if (line.Length == 0 || line[0] == ' ')
            {
                continue;
            }

            // offset lex_filenum ss_type w_cnt (hex) word lex_id [word lex_id ...] ...
            var fields = line.Split(' ');
            if (fields.Length < 5 || !ConcreteNounFiles.Contains(fields[1]))
            {
                continue;
            }

            var count = Convert.ToInt32(fields[3], 16);
            for (var k = 0; k < count && 4 + (2 * k) < fields.Length; k++)
            {
                if (IsPlainWord(fields[4 + (2 * k)]))
                {
                    concrete.Add(fields[4 + (2 * k)]);
                }
            }
        }

        var plurals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(folder, "noun.exc"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && IsPlainWord(fields[0]) && IsPlainWord(fields[1]))
            {
                plurals.TryAdd(fields[1], fields[0]);
            }
        }

        var forms = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var (file, lemmas, classes) in new[]
        {
            ("noun.exc", nouns, WordClassLexicon.Noun), ("verb.exc", verbs, WordClassLexicon.Verb),
            ("adj.exc", adjectives, WordClassLexicon.Adjective), ("adv.exc", adverbs, WordClassLexicon.Adverb),
        })
        {
            foreach (var line in Lines(folder, file))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length >= 2 && IsPlainWord(fields[0]) && fields.Skip(1).Any(lemmas.Contains))
                {
                    forms[fields[0]] = (byte)(forms.GetValueOrDefault(fields[0]) | classes);
                }
            }
        }

        return new WordNetLexicon(nouns, verbs, adjectives, adverbs, concrete, adjectiveCounts, plurals, forms);
    }

    /// <summary>The plural of a noun: WordNet's exception list, else the regular English spelling rules.</summary>
    public string Plural(string noun)
    {
        if (IrregularPlurals.TryGetValue(noun, out var plural))
        {
            return plural;
        }

        if (noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith('z') || noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith("sh", StringComparison.Ordinal))
        {
            return noun + "es";
        }

        return noun.Length > 1 && noun[^1] == 'y' && !"aeiou".Contains(noun[^2]) ? noun[..^1] + "ies" : noun + "s";
    }

    private static HashSet<string> ReadIndex(string folder, string pos, Dictionary<string, int>? tagCounts)
    {
        var lemmas = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Lines(folder, "index." + pos))
        {
            if (line.Length == 0 || line[0] == ' ')
            {
                continue;
            }

            // lemma pos synset_cnt p_cnt [ptr_symbol ...] sense_cnt tagsense_cnt synset_offset ...
            var fields = line.Split(' ');
            if (!IsPlainWord(fields[0]))
            {
                continue;
            }

            lemmas.Add(fields[0]);
            if (tagCounts is not null && fields.Length > 5 && int.TryParse(fields[3], out var pointers) && fields.Length > 5 + pointers
                && int.TryParse(fields[5 + pointers], out var tagged))
            {
                tagCounts[fields[0]] = tagged;
            }
        }

        return lemmas;
    }

    private static IEnumerable<string> Lines(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        return File.Exists(path)
            ? File.ReadLines(path)
            : throw new AroInputException($"WordNet file not found: {path} (install Debian's wordnet-base, or pass the folder holding index.noun, data.noun and noun.exc)");
    }

    private static bool IsPlainWord(string word) => word.Length >= 2 && word.All(c => c is >= 'a' and <= 'z');
}
