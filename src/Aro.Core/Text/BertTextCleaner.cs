using System.Globalization;
using System.Text;

namespace Aro.Core.Text;

/// <summary>
/// The part of BERT's <c>_clean_text</c> that Microsoft.ML.Tokenizers 2.0 gets wrong: its normaliser deletes tabs,
/// newlines and carriage returns as control characters, gluing the words around them (dotnet/machinelearning#7724),
/// and keeps format characters (zero-width space, soft hyphen) that BERT deletes. Run before the library.
/// </summary>
internal static class BertTextCleaner
{
    /// <summary>
    /// BERT whitespace (space, tab, newline, carriage return, any Zs) becomes a space; NUL, U+FFFD and every other
    /// character of a C* category (control, format, private use, unassigned, lone surrogate) is dropped.
    /// </summary>
    public static string Clean(string text)
    {
        StringBuilder? builder = null;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var keep = Classify(rune, out var replacement);
            if (builder is null && (!keep || replacement != rune))
            {
                builder = new StringBuilder(text.Length);
                builder.Append(text, 0, index);
            }

            if (builder is not null && keep)
            {
                builder.Append(replacement.ToString());
            }

            index += rune.Utf16SequenceLength;
        }

        return builder?.ToString() ?? text;
    }

    private static bool Classify(Rune rune, out Rune replacement)
    {
        replacement = rune;
        if (rune.Value is ' ' or '\t' or '\n' or '\r' || Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpaceSeparator)
        {
            replacement = new Rune(' ');
            return true;
        }

        // EnumerateRunes reports a lone surrogate as U+FFFD, which BERT drops as well.
        if (rune.Value is 0 or 0xFFFD)
        {
            return false;
        }

        return Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate);
    }
}
