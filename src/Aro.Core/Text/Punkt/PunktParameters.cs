using System.Globalization;
using System.Reflection;

namespace Aro.Core.Text.Punkt;

/// <summary>
/// The trained parameters of a Punkt model (NLTK's <c>PunktParameters</c>): abbreviation types, collocations,
/// frequent sentence starters and the orthographic context of each word type.
/// </summary>
/// <remarks>
/// aro ships NLTK's English model as four text files (Text/Punkt/english/, see the README there for the layout,
/// provenance and licence), embedded in Aro.Core. Types are lower case; abbreviation and collocation types have no
/// final period; numbers are the type <c>##number##</c>.
/// </remarks>
internal sealed class PunktParameters
{
    private const string ResourcePrefix = "Aro.Core.Text.Punkt.english.";

    private static readonly Lazy<PunktParameters> EnglishModel = new(LoadEnglish, LazyThreadSafetyMode.ExecutionAndPublication);

    public PunktParameters(
        IEnumerable<string> abbreviationTypes,
        IEnumerable<(string First, string Second)> collocations,
        IEnumerable<string> sentenceStarters,
        IReadOnlyDictionary<string, int> orthographicContext)
    {
        AbbreviationTypes = abbreviationTypes.ToHashSet(StringComparer.Ordinal);
        Collocations = [.. collocations];
        SentenceStarters = sentenceStarters.ToHashSet(StringComparer.Ordinal);
        OrthographicContext = orthographicContext.ToDictionary(StringComparer.Ordinal);
    }

    /// <summary>NLTK's English model (nltk_data <c>tokenizers/punkt</c>), loaded once from Aro.Core's resources.</summary>
    public static PunktParameters English => EnglishModel.Value;

    /// <summary>Word types known to be abbreviations (<c>dr</c>, <c>u.s</c>, <c>e.g</c>).</summary>
    public HashSet<string> AbbreviationTypes { get; }

    /// <summary>Pairs of types across whose period a sentence does not end (<c>(##number##, abreast)</c>).</summary>
    public HashSet<(string First, string Second)> Collocations { get; }

    /// <summary>Types that often start a sentence (<c>according</c>, <c>although</c>).</summary>
    public HashSet<string> SentenceStarters { get; }

    /// <summary>The orthographic-context flags of each type (<see cref="OrthographicContext"/>); 0 when unseen.</summary>
    public Dictionary<string, int> OrthographicContext { get; }

    /// <summary>The flags of <paramref name="type"/>, 0 for a type the model never saw (NLTK's <c>defaultdict(int)</c>).</summary>
    public int OrthographicContextOf(string type) => OrthographicContext.GetValueOrDefault(type);

    private static PunktParameters LoadEnglish()
    {
        var abbreviations = Lines("abbrev_types.txt");
        var collocations = Lines("collocations.tab").Select((line, i) => Pair(line, "collocations.tab", i)).ToList();
        var starters = Lines("sent_starters.txt");
        var ortho = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = Lines("ortho_context.tab");
        for (var i = 0; i < lines.Count; i++)
        {
            var (word, flags) = Pair(lines[i], "ortho_context.tab", i);
            ortho[word] = int.Parse(flags, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return new PunktParameters(abbreviations, collocations, starters, ortho);
    }

    // One entry a line, taken as it is (no trimming: the English model has the type ". . " with a trailing space).
    private static List<string> Lines(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new AroException($"the Punkt model file {file} is missing from Aro.Core's resources");
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static (string First, string Second) Pair(string line, string file, int index)
    {
        var tab = line.IndexOf('\t');
        return tab > 0 && line.IndexOf('\t', tab + 1) < 0
            ? (line[..tab], line[(tab + 1)..])
            : throw new AroException($"the Punkt model file {file}, line {index + 1}, is not two tab-separated fields");
    }
}
