namespace Aro.Core.Text;

/// <summary>
/// Splits text into sentences the way NLTK's pre-trained English Punkt model mostly does, because
/// <c>nltk.word_tokenize</c> splits a final period off a word only at the end of a sentence.
/// </summary>
/// <remarks>
/// A hand-written approximation of Punkt's decision (Kiss and Strunk 2006), not its trained model. A
/// whitespace-separated chunk that ends in <c>.</c>, <c>?</c> or <c>!</c> (closing quotes and brackets may
/// follow) ends a sentence when another chunk follows it, except:
/// <list type="bullet">
/// <item>a known abbreviation (<c>Mr.</c>, <c>St.</c>, <c>U.S.</c>, ...) never does;</item>
/// <item>a single-letter initial (<c>J. Smith</c>) never does;</item>
/// <item>a number before the period, or an ellipsis (<c>..</c> or more), does only when the next chunk starts with
/// a capital letter;</item>
/// </list>
/// Punkt learns more abbreviations and uses word statistics for the doubtful cases; captions rarely reach them.
/// Only periods matter for the tokens: <c>?</c> and <c>!</c> are split off wherever they are.
/// </remarks>
internal static class SentenceSplitter
{
    // Common abbreviations of English text that Punkt's English model treats as non-final (lower case, no final
    // period). A fact list written for aro, deliberately short: a miss only keeps a period attached to a word.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "rev", "gen", "gov", "sen", "rep", "col", "lt", "sgt",
        "capt", "cmdr", "mt", "ft", "ave", "blvd", "rd", "inc", "corp", "co", "ltd", "bros", "vs", "etc", "no",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.s.a", "d.c", "n.y", "l.a", "approx", "dept", "est", "fig",
    };

    /// <summary>The sentences of <paramref name="text"/>, each a substring without its surrounding whitespace.</summary>
    public static List<string> Split(string text)
    {
        var chunks = Chunks(text);
        var sentences = new List<string>();
        var first = 0;
        for (var k = 0; k < chunks.Count; k++)
        {
            var isLast = k == chunks.Count - 1;
            if (isLast || EndsSentence(text.AsSpan(chunks[k].Start, chunks[k].Length), text.AsSpan(chunks[k + 1].Start, chunks[k + 1].Length)))
            {
                var start = chunks[first].Start;
                var end = chunks[k].Start + chunks[k].Length;
                sentences.Add(text[start..end]);
                first = k + 1;
            }
        }

        return sentences;
    }

    private static bool EndsSentence(ReadOnlySpan<char> chunk, ReadOnlySpan<char> next)
    {
        var body = chunk.TrimEnd("\"')]}’”»");
        if (body.IsEmpty)
        {
            return false;
        }

        if (body[^1] is '?' or '!')
        {
            return true;
        }

        if (body[^1] != '.')
        {
            return false;
        }

        var nextStartsUpper = StartsWithUpper(next);
        if (body.EndsWith(".."))
        {
            return nextStartsUpper;
        }

        var type = body[..^1].TrimStart("\"'([{‘“«`").ToString().ToLowerInvariant();
        if (type.Length == 0)
        {
            return true;
        }

        var lastHyphenPart = type[(type.LastIndexOf('-') + 1)..];
        if (Abbreviations.Contains(type) || Abbreviations.Contains(lastHyphenPart))
        {
            return false;
        }

        if (type.Length == 1 && char.IsLetter(type[0]))
        {
            // An initial, as in "J. Smith": Punkt keeps it unless word statistics say the next word starts a sentence.
            return false;
        }

        if (IsNumber(type))
        {
            return nextStartsUpper;
        }

        return true;
    }

    private static bool StartsWithUpper(ReadOnlySpan<char> chunk)
    {
        foreach (var c in chunk)
        {
            if (char.IsLetter(c))
            {
                return char.IsUpper(c);
            }

            if (char.IsDigit(c))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsNumber(string type)
    {
        var digits = 0;
        foreach (var c in type)
        {
            if (char.IsDigit(c))
            {
                digits++;
            }
            else if (c is not ('.' or ',' or '-'))
            {
                return false;
            }
        }

        return digits > 0;
    }

    private static List<(int Start, int Length)> Chunks(string text)
    {
        var chunks = new List<(int Start, int Length)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var space = i == text.Length || PythonText.IsSpace(text[i]);
            if (space && start >= 0)
            {
                chunks.Add((start, i - start));
                start = -1;
            }
            else if (!space && start < 0)
            {
                start = i;
            }
        }

        return chunks;
    }
}
