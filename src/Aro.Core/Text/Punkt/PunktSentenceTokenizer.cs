using System.Text.RegularExpressions;

namespace Aro.Core.Text.Punkt;

/// <summary>
/// Punkt sentence boundary detection (Kiss and Strunk 2006) making the decisions of NLTK 3.8's
/// <c>PunktSentenceTokenizer.tokenize</c> with a trained model: <see cref="English"/> is what
/// <c>nltk.sent_tokenize</c> and, through it, <c>nltk.word_tokenize</c> use.
/// </summary>
/// <remarks>
/// <para>How a text is split, as NLTK does it:</para>
/// <list type="number">
/// <item>Every <c>.</c>, <c>?</c> or <c>!</c> followed by punctuation, or by whitespace and another token, is a
/// candidate (<see cref="PunktPatterns.PeriodContext"/>). Its context is the word before it, the mark, and what
/// follows; candidates whose words overlap (<c>!!!</c>) are decided once, at the last mark.</item>
/// <item>The context is cut into Punkt's own words (<see cref="PunktPatterns.Word"/>, line by line) and annotated.
/// First pass, by type alone: <c>.</c> <c>?</c> <c>!</c> end a sentence; two or more periods are an ellipsis; any
/// other period-final word is an abbreviation when the model lists it (or its last hyphen-separated part), else it
/// ends a sentence.</item>
/// <item>Second pass, by the next word: a known collocation across the period means no boundary; after an
/// abbreviation or an ellipsis (not an initial) the orthographic heuristic or a capitalised frequent sentence
/// starter makes a boundary; after an initial or a number, orthographic evidence that the next word does not
/// start a sentence (or, for an initial, a next word never seen in lower case) removes the boundary.</item>
/// <item>A sentence ends after the mark when any word of the context but the last ends a sentence. Closing
/// quotes and brackets at the start of the next sentence are moved back to the one before (realignment), and
/// sentences are the text between boundaries, whitespace at the edges left out.</item>
/// </list>
/// <para>Written for aro from NLTK's documented algorithm; the character classes follow Python's Unicode
/// semantics (<see cref="PythonText"/>). Checked against NLTK 3.8's own output on the texts of
/// <c>tests/fixtures/reference/punkt</c>. Immutable and safe to share between threads.</para>
/// </remarks>
public sealed class PunktSentenceTokenizer
{
    private static readonly Lazy<PunktSentenceTokenizer> EnglishTokenizer =
        new(() => new PunktSentenceTokenizer(PunktParameters.English), LazyThreadSafetyMode.ExecutionAndPublication);

    // Python's string.whitespace: the characters NLTK looks for when it finds the word before a candidate.
    private const string AsciiWhitespace = " \t\n\r\v\f";

    // Tokens that never start a sentence (NLTK's PunktSentenceTokenizer.PUNCTUATION).
    private static readonly HashSet<string> Punctuation = [";", ":", ",", ".", "!", "?"];

    private readonly PunktParameters _parameters;

    internal PunktSentenceTokenizer(PunktParameters parameters)
    {
        _parameters = parameters;
    }

    /// <summary>The tokenizer with NLTK's English model (nltk_data <c>tokenizers/punkt/english</c>).</summary>
    public static PunktSentenceTokenizer English => EnglishTokenizer.Value;

    /// <summary>The sentences of <paramref name="text"/>, as NLTK's <c>sent_tokenize</c> returns them.</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. SpanTokenize(text).Select(span => text.Substring(span.Start, span.Length))];
    }

    /// <summary>The (start, length) of each sentence in <paramref name="text"/>, in UTF-16 units.</summary>
    public IReadOnlyList<(int Start, int Length)> SpanTokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<(int Start, int Length)>();
        foreach (var (start, end) in Realign(text, Slices(text)))
        {
            spans.Add((start, end - start));
        }

        return spans;
    }

    /// <summary>Sentence slices before realignment (NLTK's <c>_slices_from_text</c>).</summary>
    private List<(int Start, int End)> Slices(string text)
    {
        var slices = new List<(int Start, int End)>();
        var lastBreak = 0;
        foreach (var (match, context) in PotentialEnds(text))
        {
            if (!ContainsSentenceBreak(context))
            {
                continue;
            }

            slices.Add((lastBreak, match.Index + match.Length));
            var next = match.Groups["next"];

            // The next sentence starts at the next token, or right after the mark when punctuation follows it.
            lastBreak = next.Success ? next.Index : match.Index + match.Length;
        }

        // The last sentence runs to the end of the text without its trailing whitespace.
        slices.Add((lastBreak, PythonText.LengthWithoutTrailingSpace(text)));
        return slices;
    }

    /// <summary>
    /// Every candidate boundary with its context (NLTK's <c>_match_potential_end_contexts</c>): the word before the
    /// mark, the mark and what follows it. Of candidates whose words overlap only the last is kept.
    /// </summary>
    private static List<(Match Match, string Context)> PotentialEnds(string text)
    {
        var result = new List<(Match, string)>();
        Match? previousMatch = null;
        (int Start, int Stop) previousSlice = (0, 0);
        foreach (Match match in PunktPatterns.PeriodContext.Matches(text))
        {
            // The word before the mark starts after the last ASCII whitespace since the previous word; NLTK reads
            // an index of 0 as "none found" and then keeps the previous word's start, a quirk kept here.
            var before = text.AsSpan(previousSlice.Stop, match.Index - previousSlice.Stop);
            var lastSpace = before.LastIndexOfAny(AsciiWhitespace);
            var wordStart = lastSpace > 0 ? previousSlice.Stop + lastSpace + 1 : previousSlice.Start;
            var wordSlice = (Start: wordStart, Stop: match.Index);

            if (previousMatch is not null && previousSlice.Stop <= wordSlice.Start)
            {
                result.Add((previousMatch, Context(text, previousSlice, previousMatch)));
            }

            previousMatch = match;
            previousSlice = wordSlice;
        }

        if (previousMatch is not null)
        {
            result.Add((previousMatch, Context(text, previousSlice, previousMatch)));
        }

        return result;
    }

    private static string Context(string text, (int Start, int Stop) word, Match match) =>
        string.Concat(
            text.AsSpan(word.Start, Math.Max(0, word.Stop - word.Start)),
            match.ValueSpan,
            match.Groups["after"].ValueSpan);

    /// <summary>True when any word of <paramref name="context"/> but the last ends a sentence after both passes.</summary>
    private bool ContainsSentenceBreak(string context)
    {
        var tokens = Words(context);
        foreach (var token in tokens)
        {
            AnnotateByType(token);
        }

        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            AnnotateByContext(tokens[i], tokens[i + 1]);
            if (tokens[i].SentenceBreak)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Punkt's words of <paramref name="text"/>, line by line (NLTK's <c>_tokenize_words</c>).</summary>
    internal static List<PunktToken> Words(string text)
    {
        var tokens = new List<PunktToken>();
        foreach (var line in text.Split('\n'))
        {
            foreach (Match word in PunktPatterns.Word.Matches(line))
            {
                tokens.Add(new PunktToken(word.Value));
            }
        }

        return tokens;
    }

    /// <summary>The first pass: decisions from the token's type alone.</summary>
    private void AnnotateByType(PunktToken token)
    {
        var text = token.Text;
        if (text is "." or "?" or "!")
        {
            token.SentenceBreak = true;
        }
        else if (token.IsEllipsis)
        {
            token.Ellipsis = true;
        }
        else if (token.PeriodFinal && !text.EndsWith("..", StringComparison.Ordinal))
        {
            var type = PythonText.Lower(text[..^1]);
            var lastPart = type[(type.LastIndexOf('-') + 1)..];
            if (_parameters.AbbreviationTypes.Contains(type) || _parameters.AbbreviationTypes.Contains(lastPart))
            {
                token.Abbreviation = true;
            }
            else
            {
                token.SentenceBreak = true;
            }
        }
    }

    /// <summary>The second pass: revises the decision on <paramref name="token"/> from the token after it.</summary>
    private void AnnotateByContext(PunktToken token, PunktToken next)
    {
        if (!token.PeriodFinal)
        {
            return;
        }

        var type = token.TypeWithoutPeriod;
        var nextType = next.TypeWithoutSentencePeriod;
        var isInitial = token.IsInitial;

        // Collocation heuristic: a known pair across the period is never a boundary.
        if (_parameters.Collocations.Contains((type, nextType)))
        {
            token.SentenceBreak = false;
            token.Abbreviation = true;
            return;
        }

        // An abbreviation or an ellipsis also ends a sentence when the next word looks like a sentence start.
        if ((token.Abbreviation || token.Ellipsis) && !isInitial)
        {
            if (StartsSentence(next) == Evidence.Yes)
            {
                token.SentenceBreak = true;
                return;
            }

            if (next.FirstUpper && _parameters.SentenceStarters.Contains(nextType))
            {
                token.SentenceBreak = true;
                return;
            }
        }

        // Initials and ordinal numbers are abbreviations unless the next word looks like a sentence start.
        if (isInitial || type == PunktToken.NumberType)
        {
            var evidence = StartsSentence(next);
            if (evidence == Evidence.No)
            {
                token.SentenceBreak = false;
                token.Abbreviation = true;
                return;
            }

            if (evidence == Evidence.Unknown && isInitial && next.FirstUpper
                && (_parameters.OrthographicContextOf(nextType) & OrthographicContext.Lower) == 0)
            {
                token.SentenceBreak = false;
                token.Abbreviation = true;
            }
        }
    }

    /// <summary>The orthographic heuristic: does the training text say <paramref name="token"/> starts a sentence?</summary>
    private Evidence StartsSentence(PunktToken token)
    {
        if (Punctuation.Contains(token.Text))
        {
            return Evidence.No;
        }

        var context = _parameters.OrthographicContextOf(token.TypeWithoutSentencePeriod);

        // Capitalised here, seen in lower case, never capitalised inside a sentence: a sentence start.
        if (token.FirstUpper && (context & OrthographicContext.Lower) != 0 && (context & OrthographicContext.MiddleUpper) == 0)
        {
            return Evidence.Yes;
        }

        // Lower case here, and either seen capitalised or never seen starting a sentence in lower case: not one.
        if (token.FirstLower && ((context & OrthographicContext.Upper) != 0 || (context & OrthographicContext.BeginLower) == 0))
        {
            return Evidence.No;
        }

        return Evidence.Unknown;
    }

    /// <summary>
    /// NLTK's <c>_realign_boundaries</c>: closing punctuation that starts a sentence joins the sentence before;
    /// empty sentences are dropped.
    /// </summary>
    private static IEnumerable<(int Start, int End)> Realign(string text, List<(int Start, int End)> slices)
    {
        var realign = 0;
        for (var k = 0; k < slices.Count; k++)
        {
            var sentence = (Start: slices[k].Start + realign, slices[k].End);
            if (k + 1 == slices.Count)
            {
                if (sentence.End > sentence.Start)
                {
                    yield return sentence;
                }

                continue;
            }

            var next = slices[k + 1];
            var nextText = next.End > next.Start ? text[next.Start..next.End] : string.Empty;
            var match = PunktPatterns.BoundaryRealignment.Match(nextText);
            if (match.Success)
            {
                yield return (sentence.Start, next.Start + PythonText.LengthWithoutTrailingSpace(match.ValueSpan));
                realign = match.Length;
            }
            else
            {
                realign = 0;
                if (sentence.End > sentence.Start)
                {
                    yield return sentence;
                }
            }
        }
    }

    /// <summary>The three answers of the orthographic heuristic.</summary>
    private enum Evidence
    {
        No,
        Yes,
        Unknown,
    }
}
