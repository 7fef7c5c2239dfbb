using System.Text;
using Aro.Core.Text;

namespace Aro.Core.Perturbations;

/// <summary>
/// The caption cleaning of BLIP and ARO, <c>pre_caption(caption, max_words)</c> (docs/protocol.md, "Cases"), with
/// Python's exact behaviour: every Order option, the original included, goes through it before tokenisation.
/// </summary>
/// <remarks>
/// Steps, in Python's order:
/// <list type="number">
/// <item><c>caption.lower()</c>;</item>
/// <item>each of <c>. ! " ( ) * # : ; ~</c> becomes one space (commas, apostrophes and hyphens stay);</item>
/// <item>every run of two or more whitespace characters becomes one space (a lone tab or newline stays);</item>
/// <item><c>rstrip('\n')</c>, then <c>strip(' ')</c> (only newlines, then only spaces, at the ends);</item>
/// <item>when <c>caption.split(' ')</c> has more than <c>max_words</c> parts, the first <c>max_words</c> are
/// joined by single spaces.</item>
/// </list>
/// Lower-casing is Python's <c>str.lower()</c> (<see cref="PythonText.Lower"/>): the full case mapping, so
/// <c>İ</c> becomes the two code points <c>i̇</c> and a capital sigma that ends a word becomes <c>ς</c>.
/// </remarks>
public static class PreCaption
{
    /// <summary>The word limit the Order subsets use.</summary>
    public const int OrderMaxWords = 30;

    /// <summary>Cleans <paramref name="caption"/> exactly as Python's <c>pre_caption(caption, max_words)</c>.</summary>
    public static string Apply(string caption, int maxWords = OrderMaxWords)
    {
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentOutOfRangeException.ThrowIfNegative(maxWords);

        var lowered = PythonText.Lower(caption);
        var builder = new StringBuilder(lowered.Length);
        for (var i = 0; i < lowered.Length; i++)
        {
            var c = IsRemovedPunctuation(lowered[i]) ? ' ' : lowered[i];
            if (!PythonText.IsSpace(c))
            {
                builder.Append(c);
                continue;
            }

            // Python's re.sub(r"\s{2,}", " ") after the punctuation has become spaces: a run of two or more
            // whitespace characters (punctuation spaces included) collapses, a single one is kept as it is.
            var end = i + 1;
            while (end < lowered.Length && (PythonText.IsSpace(lowered[end]) || IsRemovedPunctuation(lowered[end])))
            {
                end++;
            }

            builder.Append(end - i >= 2 ? ' ' : c);
            i = end - 1;
        }

        var cleaned = builder.ToString().TrimEnd('\n').Trim(' ');
        var words = cleaned.Split(' ');
        return words.Length > maxWords ? string.Join(' ', words, 0, maxWords) : cleaned;
    }

    private static bool IsRemovedPunctuation(char c) => c is '.' or '!' or '"' or '(' or ')' or '*' or '#' or ':' or ';' or '~';
}
