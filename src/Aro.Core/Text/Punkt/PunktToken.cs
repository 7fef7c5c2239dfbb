using System.Text;

namespace Aro.Core.Text.Punkt;

/// <summary>
/// One word of Punkt's own word segmentation with the annotations of the two passes (NLTK's <c>PunktToken</c>):
/// its type (lower case, numbers as <c>##number##</c>) and whether it ends a sentence, is an abbreviation or is
/// an ellipsis.
/// </summary>
internal sealed class PunktToken
{
    /// <summary>The type of every number-like token.</summary>
    public const string NumberType = "##number##";

    public PunktToken(string text)
    {
        Text = text;
        var lower = PythonText.Lower(text);
        Type = IsNumeric(lower) ? NumberType : lower;
        PeriodFinal = text.EndsWith('.');
    }

    /// <summary>The token as it appears in the text.</summary>
    public string Text { get; }

    /// <summary>The case-normalised type; the whole token is <see cref="NumberType"/> when it is a number.</summary>
    public string Type { get; }

    /// <summary>The token ends in a period.</summary>
    public bool PeriodFinal { get; }

    /// <summary>The token ends a sentence (after the first pass: a provisional decision).</summary>
    public bool SentenceBreak { get; set; }

    /// <summary>The token is an abbreviation (its period does not end a sentence unless another rule says so).</summary>
    public bool Abbreviation { get; set; }

    /// <summary>The token is an ellipsis (two or more periods).</summary>
    public bool Ellipsis { get; set; }

    /// <summary>The type without its final period, when it has one and more than the period.</summary>
    public string TypeWithoutPeriod => Type.Length > 1 && Type[^1] == '.' ? Type[..^1] : Type;

    /// <summary>The type without its final period when the token ends a sentence.</summary>
    public string TypeWithoutSentencePeriod => SentenceBreak ? TypeWithoutPeriod : Type;

    /// <summary>The first code point is upper case (Python's <c>isupper()</c>).</summary>
    public bool FirstUpper => PythonText.IsUpper(FirstRune);

    /// <summary>The first code point is lower case (Python's <c>islower()</c>).</summary>
    public bool FirstLower => PythonText.IsLower(FirstRune);

    /// <summary>The token is two or more periods and nothing else.</summary>
    public bool IsEllipsis => Text.Length >= 2 && Text.AsSpan().IndexOfAnyExcept('.') < 0;

    /// <summary>The token is a number.</summary>
    public bool IsNumber => Type.StartsWith(NumberType, StringComparison.Ordinal);

    /// <summary>The token is a single letter (a word character but not a digit) and a period: <c>J.</c>.</summary>
    public bool IsInitial =>
        Rune.DecodeFromUtf16(Text, out var first, out var length) == System.Buffers.OperationStatus.Done
        && Text.Length == length + 1 && Text[^1] == '.' && PythonText.IsWordLetter(first);

    /// <summary>
    /// NLTK's number pattern <c>^-?[\.,]?\d[\d,\.-]*\.?$</c> ("-1,000.5", ".5", "1."), with Python's <c>\d</c>:
    /// a decimal digit of any script, astral ones included (which .NET's regex <c>\d</c> cannot see). Written out
    /// because no backtracking into the optional parts can succeed where the greedy reading fails.
    /// </summary>
    private static bool IsNumeric(string text)
    {
        var index = 0;
        if (index < text.Length && text[index] == '-')
        {
            index++;
        }

        if (index < text.Length && text[index] is '.' or ',')
        {
            index++;
        }

        var digits = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var length) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            if (PythonText.IsDecimal(rune))
            {
                digits++;
            }
            else if (digits == 0 || rune.Value is not (',' or '.' or '-'))
            {
                return false;
            }

            index += length;
        }

        return digits > 0;
    }

    // Tokens are never empty (the word pattern matches at least one character).
    private Rune FirstRune => Rune.DecodeFromUtf16(Text, out var rune, out _) == System.Buffers.OperationStatus.Done ? rune : Rune.ReplacementChar;

    public override string ToString() =>
        Text + (Abbreviation ? "<A>" : "") + (Ellipsis ? "<E>" : "") + (SentenceBreak ? "<S>" : "");
}
