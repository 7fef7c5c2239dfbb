using System.Globalization;
using System.Text;

namespace Aro.Core.Text;

/// <summary>
/// Python 3's string semantics, for code that must reproduce Python string handling exactly: whitespace
/// (<c>str.isspace</c>, <c>str.split()</c>, regex <c>\s</c>), <c>str.lower()</c> with its full case mapping, and the
/// single-character tests <c>isupper()</c>, <c>islower()</c> and the regex class <c>[^\W\d]</c>.
/// </summary>
/// <remarks>
/// <para>.NET differs from Python on each: <see cref="char.IsWhiteSpace(char)"/> and regex <c>\s</c> leave out the
/// information separators U+001C..U+001F; <see cref="string.ToLowerInvariant()"/> maps one code point to one, so
/// <c>İ</c> (U+0130) stays itself where Python writes <c>i̇</c> (U+0069 U+0307), and it never writes the final
/// sigma <c>ς</c>; <see cref="char.IsUpper(char)"/> means category Lu where Python's <c>isupper()</c> means the Unicode
/// property Uppercase (Lu plus Other_Uppercase: Roman numerals, circled letters), and likewise for lower case.</para>
/// <para>The reference is CPython 3.11 (Unicode 14.0). Case mappings of single code points come from .NET's
/// invariant casing, which equals Python 3.11's on every code point but U+0130 (checked for all code points by
/// <c>PythonTextTests</c> against a table CPython wrote); the Other_Uppercase, Other_Lowercase and Case_Ignorable
/// extras below are Unicode 14's lists. Letters assigned after Unicode 14 follow .NET's newer Unicode data, where
/// Python 3.11 treats them as unassigned; no caption of the benchmarks contains one.</para>
/// </remarks>
internal static class PythonText
{
    /// <summary>Python's <c>\s</c> as a .NET regex character class (the characters of <see cref="IsSpace(char)"/>).</summary>
    public const string SpaceClass = @"[\t-\r\x1C- \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

    /// <summary>Python's <c>\S</c> as a .NET regex character class.</summary>
    public const string NonSpaceClass = @"[^\t-\r\x1C- \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

    private const int CapitalSigma = 0x03A3;
    private const string SmallFinalSigma = "\u03C2";
    private const string SmallSigma = "\u03C3";

    // Other_Uppercase of Unicode 14: Roman numerals, circled and squared Latin capitals.
    private static readonly (int First, int Last)[] OtherUppercase =
    [
        (0x2160, 0x216F), (0x24B6, 0x24CF), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189),
    ];

    // Other_Lowercase of Unicode 14: ordinal indicators, modifier letters, small Roman numerals, circled letters.
    private static readonly (int First, int Last)[] OtherLowercase =
    [
        (0x00AA, 0x00AA), (0x00BA, 0x00BA), (0x02B0, 0x02B8), (0x02C0, 0x02C1), (0x02E0, 0x02E4), (0x0345, 0x0345),
        (0x037A, 0x037A), (0x1D2C, 0x1D6A), (0x1D78, 0x1D78), (0x1D9B, 0x1DBF), (0x2071, 0x2071), (0x207F, 0x207F),
        (0x2090, 0x209C), (0x2170, 0x217F), (0x24D0, 0x24E9), (0x2C7C, 0x2C7D), (0xA69C, 0xA69D), (0xA770, 0xA770),
        (0xA7F8, 0xA7F9), (0xAB5C, 0xAB5F), (0x10780, 0x10780), (0x10783, 0x10785), (0x10787, 0x107B0), (0x107B2, 0x107BA),
    ];

    // Case_Ignorable beyond the categories Mn, Me, Cf, Lm and Sk: the Word_Break classes MidLetter, MidNumLet and
    // Single_Quote (apostrophes, periods, colons, middle dots), and U+1171E AHOM CONSONANT SIGN MEDIAL RA, a
    // non-spacing mark in Unicode 14 that later versions (and so .NET) class as spacing. Sorted.
    private static readonly int[] CaseIgnorableExtras =
    [
        0x0027, 0x002E, 0x003A, 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52, 0xFE55,
        0xFF07, 0xFF0E, 0xFF1A, 0x1171E,
    ];

    /// <summary>True where Python's <c>str.isspace()</c> is true for the single character.</summary>
    public static bool IsSpace(char c) => c switch
    {
        >= '\t' and <= '\r' => true,
        >= '\u001C' and <= ' ' => true,
        '\u0085' or '\u00A0' or '\u1680' => true,
        >= '\u2000' and <= '\u200A' => true,
        '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        _ => false,
    };

    /// <summary>Python's <c>str.split()</c> without arguments: runs of whitespace separate, no empty parts.</summary>
    public static List<string> SplitOnWhitespace(string text)
    {
        var parts = new List<string>();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsSpace(text[i]))
            {
                if (start >= 0)
                {
                    parts.Add(text[start..i]);
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        if (start >= 0)
        {
            parts.Add(text[start..]);
        }

        return parts;
    }

    /// <summary>Python's <c>str.rstrip()</c> without arguments: the length of <paramref name="text"/> without trailing whitespace.</summary>
    public static int LengthWithoutTrailingSpace(ReadOnlySpan<char> text)
    {
        var end = text.Length;
        while (end > 0 && IsSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// Python's <c>str.lower()</c>: the full lower-case mapping of every code point (U+0130 becomes two), and a
    /// capital sigma that ends a word (Unicode's Final_Sigma condition, as CPython tests it) becomes <c>ς</c>.
    /// </summary>
    public static string Lower(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsAsciiWithoutUpper(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 4);
        Span<char> buffer = stackalloc char[2];
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var length) != System.Buffers.OperationStatus.Done)
            {
                // A lone surrogate: Python keeps it as it is.
                builder.Append(text[index]);
            }
            else if (rune.Value == CapitalSigma)
            {
                builder.Append(IsFinalSigma(text, index) ? SmallFinalSigma : SmallSigma);
            }
            else if (rune.Value == 0x0130)
            {
                // SpecialCasing.txt's one unconditional lower-case mapping: LATIN CAPITAL LETTER I WITH DOT ABOVE.
                builder.Append("i\u0307");
            }
            else
            {
                builder.Append(buffer[..Rune.ToLowerInvariant(rune).EncodeToUtf16(buffer)]);
            }

            index += length;
        }

        return builder.ToString();
    }

    /// <summary>Python's <c>isupper()</c> of one code point: the Unicode property Uppercase.</summary>
    public static bool IsUpper(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.UppercaseLetter || InRanges(rune.Value, OtherUppercase);

    /// <summary>Python's <c>islower()</c> of one code point: the Unicode property Lowercase.</summary>
    public static bool IsLower(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.LowercaseLetter || InRanges(rune.Value, OtherLowercase);

    /// <summary>
    /// Python's regex class <c>[^\W\d]</c> on one code point: a word character that is not a decimal digit, i.e.
    /// a letter (any L category), a letter-like or other number (Nl, No), or <c>_</c>.
    /// </summary>
    public static bool IsWordLetter(Rune rune) => rune.Value == '_' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber
            or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    /// <summary>Python's regex class <c>\d</c> on one code point: a decimal digit (category Nd), in any script.</summary>
    public static bool IsDecimal(Rune rune) => Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber;

    /// <summary>Unicode's Cased property: upper case, lower case or title case.</summary>
    public static bool IsCased(Rune rune) =>
        IsUpper(rune) || IsLower(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.TitlecaseLetter;

    /// <summary>Unicode's Case_Ignorable property (marks, format characters, modifiers, and apostrophe-like punctuation).</summary>
    public static bool IsCaseIgnorable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol => true,
        _ => Array.BinarySearch(CaseIgnorableExtras, rune.Value) >= 0,
    };

    /// <summary>
    /// CPython's Final_Sigma test for the capital sigma at <paramref name="index"/>: skipping case-ignorable code
    /// points, a cased letter comes before it and none comes after it.
    /// </summary>
    private static bool IsFinalSigma(string text, int index)
    {
        var before = index;
        var previous = Rune.ReplacementChar;
        var previousValid = false;
        var found = false;
        while (before > 0)
        {
            previousValid = Rune.DecodeLastFromUtf16(text.AsSpan(0, before), out previous, out var length) == System.Buffers.OperationStatus.Done;
            before -= length;
            if (!previousValid || !IsCaseIgnorable(previous))
            {
                found = true;
                break;
            }
        }

        if (!found || !previousValid || !IsCased(previous))
        {
            return false;
        }

        var after = index + 1;
        while (after < text.Length)
        {
            var valid = Rune.DecodeFromUtf16(text.AsSpan(after), out var next, out var length) == System.Buffers.OperationStatus.Done;
            if (!valid || !IsCaseIgnorable(next))
            {
                return !valid || !IsCased(next);
            }

            after += length;
        }

        return true;
    }

    private static bool IsAsciiWithoutUpper(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u007F' || c is >= 'A' and <= 'Z')
            {
                return false;
            }
        }

        return true;
    }

    private static bool InRanges(int value, (int First, int Last)[] ranges)
    {
        foreach (var (first, last) in ranges)
        {
            if (value < first)
            {
                return false;
            }

            if (value <= last)
            {
                return true;
            }
        }

        return false;
    }
}
