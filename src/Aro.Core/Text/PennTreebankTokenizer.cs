using System.Text.RegularExpressions;
using Aro.Core.Text.Punkt;

namespace Aro.Core.Text;

/// <summary>
/// Word tokenisation with the Penn Treebank conventions of NLTK's <c>word_tokenize</c>, which the ARO Order
/// perturbations use (docs/order-perturbations.md): Punkt sentences first (<see cref="PunktSentenceTokenizer.English"/>,
/// which decides where a period ends a sentence), then per sentence double quotes become <c>``</c> and <c>''</c>,
/// punctuation is split off (a period only at the end of a sentence, a comma or colon only before a non-digit),
/// clitics <c>'s 'm 'd 'll 're 've n't</c> become tokens, and a few
/// fused forms split (<c>cannot</c> → <c>can not</c>, <c>gonna</c> → <c>gon na</c>). Hyphens, <c>'</c> inside
/// words and decimal numbers stay.
/// </summary>
/// <remarks>
/// The rules are rewrite steps on the sentence string applied in NLTK's order, then a split on Python whitespace;
/// character classes follow Python's Unicode <c>\w</c> and <c>\s</c>, not .NET's. <see cref="SpacyLike"/> is the
/// variant used for the part-of-speech path, where ARO runs spaCy: it keeps <c>"</c> as it is and splits a hyphen
/// between letters or digits (<c>t-shirt</c> → <c>t - shirt</c>), as spaCy's English tokenizer and the UD English
/// EWT treebank the tagger learns from both do. This type is safe to share between threads.
/// </remarks>
public sealed class PennTreebankTokenizer
{
    private const string PyWord = @"[\p{L}\p{N}_]";
    private const string PySpace = PythonText.SpaceClass;
    private const string ClosersAfterFinalPeriod = @"\]\)}>""'»”’";

    private readonly IReadOnlyList<RewriteRule> _rules;

    private PennTreebankTokenizer(bool convertDoubleQuotes, bool splitHyphens)
    {
        _rules = BuildRules(convertDoubleQuotes, splitHyphens);
    }

    /// <summary>NLTK's <c>word_tokenize</c> (the trigram perturbations).</summary>
    public static PennTreebankTokenizer Nltk { get; } = new(convertDoubleQuotes: true, splitHyphens: false);

    /// <summary>The spaCy-like variant for the tagger path: raw <c>"</c>, hyphens between word characters split.</summary>
    public static PennTreebankTokenizer SpacyLike { get; } = new(convertDoubleQuotes: false, splitHyphens: true);

    /// <summary>The tokens of <paramref name="text"/>, in order; empty for blank text.</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        foreach (var sentence in PunktSentenceTokenizer.English.Tokenize(text))
        {
            tokens.AddRange(TokenizeSentence(sentence));
        }

        return tokens;
    }

    /// <summary>One sentence, as NLTK's Treebank word tokenizer sees it (no sentence splitting).</summary>
    internal List<string> TokenizeSentence(string sentence)
    {
        var text = sentence;
        foreach (var rule in _rules)
        {
            text = rule.Apply(text);
        }

        return PythonText.SplitOnWhitespace(text);
    }

    private static List<RewriteRule> BuildRules(bool convertDoubleQuotes, bool splitHyphens)
    {
        var rules = new List<RewriteRule>
        {
            // Opening quotes: typographic openers and backtick runs become tokens of their own.
            new("([«“‘„]|`+)", " $1 "),
        };
        if (convertDoubleQuotes)
        {
            // A straight double quote opening the sentence, or after a space or an opening bracket, is ``.
            rules.Add(new("^\"", "``"));
            rules.Add(new("(``)", " $1 "));
            rules.Add(new("([ ([{<])(\"|'')", "$1 `` "));
        }
        else
        {
            rules.Add(new("(``)", " $1 "));
            rules.Add(new("\"", " \" "));
        }

        rules.AddRange(
        [
            // A single quote before a one-letter word that is not a clitic ('x but not 's, 'd, 'm, 't, 'n).
            new($"(?i)(')(?!re|ve|ll|m|t|s|d|n)({PyWord})(?!{PyWord})", "$1 $2"),

            // The sentence-final period, with any closing brackets or quotes after it.
            new($@"([^.])(\.)([{ClosersAfterFinalPeriod} ]*){PySpace}*$", "$1 $2 $3 "),
            // Commas and colons, except inside numbers such as 1,000 or 10:30.
            new(@"([:,])([^\d])", " $1 $2"),
            new("([:,])$", " $1 "),
            new(@"\.{2,}", " $0 "),
            new("[;@#$%&]", " $0 "),
            new($@"([^.])(\.)([{ClosersAfterFinalPeriod}]*){PySpace}*$", "$1 $2$3 "),
            new("[?!]", " $0 "),
            new("([^'])' ", "$1 ' "),
            new(@"\*", " $0 "),

            // Brackets of every kind, and double dashes.
            new(@"[\]\[(){}<>]", " $0 "),
            new("--", " -- "),
        ]);

        if (splitHyphens)
        {
            rules.Add(new(@"(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])", " - "));
        }

        // The rules after this point look for a space on both sides of a token: pad the text.
        rules.Add(RewriteRule.Pad);
        rules.Add(new("([»”’])", " $1 "));
        rules.Add(new("''", " '' "));
        if (convertDoubleQuotes)
        {
            rules.Add(new("\"", " '' "));
        }

        rules.AddRange(
        [
            // Clitics at the end of a word.
            new("([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 "),
            new("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 "),

            // Fused forms from Robert MacIntyre's Treebank tokenizer (case-insensitive, whole words).
            Fused("can", "not"),
            Fused("d", "'ye"),
            Fused("gim", "me"),
            Fused("gon", "na"),
            Fused("got", "ta"),
            Fused("lem", "me"),
            Fused("more", "'n"),
            new($"(?i)(?<!{PyWord})(wan)(na)(?={PySpace})", " $1 $2 "),
            new($"(?i) ('t)(is)(?!{PyWord})", " $1 $2 "),
            new($"(?i) ('t)(was)(?!{PyWord})", " $1 $2 "),
        ]);
        return rules;
    }

    private static RewriteRule Fused(string first, string second) =>
        new($"(?i)(?<!{PyWord})({first})({second})(?!{PyWord})", " $1 $2 ");

    /// <summary>One rewrite step: every non-overlapping match, left to right, replaced.</summary>
    private sealed class RewriteRule
    {
        private readonly Regex? _pattern;
        private readonly string _replacement;

        public RewriteRule(string pattern, string replacement)
        {
            _pattern = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
            _replacement = replacement;
        }

        private RewriteRule()
        {
            _replacement = string.Empty;
        }

        public static RewriteRule Pad { get; } = new();

        public string Apply(string text) => _pattern is null ? " " + text + " " : _pattern.Replace(text, _replacement);
    }
}
