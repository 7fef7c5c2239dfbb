using System.Text;

namespace Aro.Core.Text.Pos;

/// <summary>
/// The features of every position of one sentence, as hashes. The part that does not depend on earlier tags is
/// computed once; <see cref="Fill"/> adds the tag-history part for the tags actually chosen (greedy left to right).
/// </summary>
/// <remarks>
/// Templates, in the spirit of Collins (2002) and Honnibal's averaged-perceptron tagger, widened for web text:
/// the word, its 1–4 letter suffixes and 1–3 letter prefixes, its shape, the words and shapes around it (±2),
/// word bigrams, and the two previous tags alone, together and with the word; and the word classes a dictionary
/// gives the word and its neighbours (<see cref="WordClassLexicon"/>: noun, verb, adjective, adverb). Words are
/// lower-cased with every digit read as 0, so "1990" and "2024" share weights. Changing any template changes
/// <see cref="Version"/>, which a stored model must match.
/// </remarks>
internal sealed class SentenceFeatures
{
    /// <summary>The feature set a model was trained with; stored in the model file.</summary>
    public const int Version = 2;

    public const int StaticCount = 34;
    public const int DynamicCount = 5;
    public const int Count = StaticCount + DynamicCount;

    /// <summary>Features added in the second stage, from the first stage's tags of this and the next positions.</summary>
    public const int StackedCount = 7;

    /// <summary>The tag before the first word (and before that).</summary>
    public const string StartTag = "-START-";

    private static readonly string[] Before = ["-START2-", "-START-"];
    private static readonly string[] After = ["-END-", "-END2-"];

    // The name of each class bit set: "?" for a word the lexicon does not know, else the letters of its classes.
    private static readonly string[] ClassNames = [.. Enumerable.Range(0, 16).Select(bits => bits == 0 ? "?" : string.Concat(
        (bits & WordClassLexicon.Noun) != 0 ? "n" : "", (bits & WordClassLexicon.Verb) != 0 ? "v" : "",
        (bits & WordClassLexicon.Adjective) != 0 ? "a" : "", (bits & WordClassLexicon.Adverb) != 0 ? "r" : ""))];

    private readonly string[] _words;
    private readonly uint[] _static;

    public SentenceFeatures(IReadOnlyList<string> forms, WordClassLexicon lexicon)
    {
        Length = forms.Count;
        _words = new string[Length + 4];
        var shapes = new string[Length + 4];
        var classes = new string[Length + 4];
        _words[0] = shapes[0] = classes[0] = Before[0];
        _words[1] = shapes[1] = classes[1] = Before[1];
        for (var i = 0; i < Length; i++)
        {
            _words[i + 2] = Normalize(forms[i]);
            shapes[i + 2] = Shape(forms[i]);
            classes[i + 2] = ClassNames[lexicon.Classify(forms[i].ToLowerInvariant())];
        }

        _words[Length + 2] = shapes[Length + 2] = classes[Length + 2] = After[0];
        _words[Length + 3] = shapes[Length + 3] = classes[Length + 3] = After[1];

        _static = new uint[Length * StaticCount];
        for (var i = 0; i < Length; i++)
        {
            FillStatic(_static.AsSpan(i * StaticCount, StaticCount), forms, i, shapes, classes);
        }
    }

    public int Length { get; }

    /// <summary>The normalised word at position <paramref name="i"/>.</summary>
    public string Word(int i) => _words[i + 2];

    /// <summary>How many features <see cref="Fill"/> writes for a first (false) or second (true) stage.</summary>
    public static int CountFor(bool stacked) => stacked ? Count + StackedCount : Count;

    /// <summary>
    /// Writes the features of position <paramref name="i"/> given the two previous tags and, in the second stage,
    /// the first stage's tag of every position (<paramref name="firstPass"/>): it lets a decision look right.
    /// </summary>
    public void Fill(Span<uint> into, int i, string previousTag, string tagBeforePrevious, IReadOnlyList<string>? firstPass)
    {
        _static.AsSpan(i * StaticCount, StaticCount).CopyTo(into);
        var word = _words[i + 2];
        var next = _words[i + 3];
        var dynamic = into[StaticCount..];
        dynamic[0] = FeatureHash.Of(100, previousTag);
        dynamic[1] = FeatureHash.Of(101, tagBeforePrevious, previousTag);
        dynamic[2] = FeatureHash.Of(102, previousTag, word);
        dynamic[3] = FeatureHash.Of(103, previousTag, next);
        dynamic[4] = FeatureHash.Of(104, tagBeforePrevious);
        if (firstPass is null)
        {
            return;
        }

        var here = firstPass[i];
        var right = i + 1 < Length ? firstPass[i + 1] : After[0];
        var farRight = i + 2 < Length ? firstPass[i + 2] : i + 1 < Length ? After[0] : After[1];
        var stacked = into[Count..];
        stacked[0] = FeatureHash.Of(200, here);
        stacked[1] = FeatureHash.Of(201, right);
        stacked[2] = FeatureHash.Of(202, farRight);
        stacked[3] = FeatureHash.Of(203, right, word);
        stacked[4] = FeatureHash.Of(204, here, word);
        stacked[5] = FeatureHash.Of(205, previousTag, right);
        stacked[6] = FeatureHash.Of(206, right, farRight);
    }

    /// <summary>Lower case, every decimal digit read as 0.</summary>
    public static string Normalize(string form)
    {
        var builder = new StringBuilder(form.Length);
        foreach (var c in form)
        {
            builder.Append(char.IsDigit(c) ? '0' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>Upper case → X, lower case → x, digit → d, other characters kept; runs cut at 3.</summary>
    public static string Shape(string form)
    {
        var builder = new StringBuilder(Math.Min(form.Length, 12));
        var run = 0;
        var last = '\0';
        foreach (var c in form)
        {
            var mapped = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            run = mapped == last ? run + 1 : 1;
            last = mapped;
            if (run <= 3)
            {
                builder.Append(mapped);
            }

            if (builder.Length >= 12)
            {
                break;
            }
        }

        return builder.ToString();
    }

    private void FillStatic(Span<uint> into, IReadOnlyList<string> forms, int i, string[] shapes, string[] classes)
    {
        var p = i + 2;
        var word = _words[p];
        var lower = forms[i].ToLowerInvariant().AsSpan();
        var flags = string.Create(4, forms[i], static (span, form) =>
        {
            span[0] = form.Any(char.IsDigit) ? 'D' : '-';
            span[1] = form.Contains('-') ? 'H' : '-';
            span[2] = form.Length > 0 && char.IsUpper(form[0]) ? 'U' : '-';
            span[3] = form.Any(char.IsLetter) && !form.Any(char.IsLower) ? 'A' : '-';
        });
        var position = i == 0 ? "first" : "inner";

        into[0] = FeatureHash.Of(0, "bias");
        into[1] = FeatureHash.Of(1, word);
        into[2] = FeatureHash.Of(2, Suffix(lower, 1));
        into[3] = FeatureHash.Of(3, Suffix(lower, 2));
        into[4] = FeatureHash.Of(4, Suffix(lower, 3));
        into[5] = FeatureHash.Of(5, Suffix(lower, 4));
        into[6] = FeatureHash.Of(6, Prefix(lower, 1));
        into[7] = FeatureHash.Of(7, Prefix(lower, 2));
        into[8] = FeatureHash.Of(8, Prefix(lower, 3));
        into[9] = FeatureHash.Of(9, shapes[p]);
        into[10] = FeatureHash.Of(10, flags, position);
        into[11] = FeatureHash.Of(11, _words[p - 1]);
        into[12] = FeatureHash.Of(12, _words[p - 2]);
        into[13] = FeatureHash.Of(13, _words[p + 1]);
        into[14] = FeatureHash.Of(14, _words[p + 2]);
        into[15] = FeatureHash.Of(15, Suffix(_words[p - 1], 3));
        into[16] = FeatureHash.Of(16, Suffix(_words[p + 1], 3));
        into[17] = FeatureHash.Of(17, _words[p - 1], word);
        into[18] = FeatureHash.Of(18, word, _words[p + 1]);
        into[19] = FeatureHash.Of(19, shapes[p - 1]);
        into[20] = FeatureHash.Of(20, shapes[p + 1]);
        into[21] = FeatureHash.Of(21, _words[p - 1], _words[p + 1]);
        into[22] = FeatureHash.Of(22, shapes[p], position);
        into[23] = FeatureHash.Of(23, Suffix(lower, 3), _words[p + 1]);
        into[24] = FeatureHash.Of(24, forms[i]);
        into[25] = FeatureHash.Of(25, Suffix(lower, 5));
        into[26] = FeatureHash.Of(26, Prefix(lower, 4));
        into[27] = FeatureHash.Of(27, shapes[p - 1], shapes[p]);
        into[28] = FeatureHash.Of(28, shapes[p], shapes[p + 1]);
        into[29] = FeatureHash.Of(29, _words[p - 1], word, _words[p + 1]);
        into[30] = FeatureHash.Of(30, classes[p]);
        into[31] = FeatureHash.Of(31, classes[p], classes[p + 1]);
        into[32] = FeatureHash.Of(32, classes[p - 1], classes[p]);
        into[33] = FeatureHash.Of(33, classes[p], Suffix(lower, 2));
    }

    private static ReadOnlySpan<char> Suffix(ReadOnlySpan<char> text, int length) =>
        text.Length <= length ? text : text[^length..];

    private static ReadOnlySpan<char> Prefix(ReadOnlySpan<char> text, int length) =>
        text.Length <= length ? text : text[..length];
}
