using System.Text;

namespace Aro.Core.Text;

/// <summary>
/// The text transformers' Python SiglipTokenizer hands to SentencePiece (docs/siglip.md): U+2581 in the caption
/// becomes a space and one U+2581 is put in front; the text is lower-cased one character at a time (as
/// <c>PreTrainedTokenizer.tokenize</c> does with <c>do_lower_case</c>); then <c>canonicalize_text</c>: every
/// character of Python's <c>string.punctuation</c> is deleted, each run of Python whitespace becomes one space,
/// and whitespace is stripped from both ends.
/// </summary>
internal static class SiglipTextCanonicalizer
{
    public const char SpieceUnderline = '\u2581';

    /// <summary>Python's <c>string.punctuation</c>: the 32 ASCII punctuation characters.</summary>
    public const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static string Canonicalize(string caption, bool lowercase)
    {
        var text = new StringBuilder(caption.Length + 1);
        text.Append(SpieceUnderline);
        for (var i = 0; i < caption.Length; i++)
        {
            var c = caption[i];
            if (c == SpieceUnderline)
            {
                text.Append(' ');
            }
            else if (!lowercase)
            {
                text.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < caption.Length && char.IsLowSurrogate(caption[i + 1]))
            {
                text.Append(Rune.ToLowerInvariant(new Rune(c, caption[i + 1])).ToString());
                i++;
            }
            else if (c == '\u0130')
            {
                // Python's str.lower() gives "i" + combining dot above for capital I with dot (SpecialCasing.txt),
                // the one character whose lower-case mapping is longer; .NET maps it to a plain "i".
                text.Append("i\u0307");
            }
            else
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return CollapseAndStrip(text);
    }

    private static string CollapseAndStrip(StringBuilder text)
    {
        var output = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (AsciiPunctuation.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            if (PythonText.IsSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            // Leading whitespace is never emitted (strip); a run between characters becomes one space, whatever
            // punctuation was deleted inside it.
            if (pendingSpace && output.Length > 0)
            {
                output.Append(' ');
            }

            pendingSpace = false;
            output.Append(c);
        }

        return output.ToString();
    }
}
