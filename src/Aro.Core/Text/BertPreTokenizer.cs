using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace Aro.Core.Text;

/// <summary>
/// BERT's basic-tokenizer split: words end at whitespace, and every punctuation character (all non-alphanumeric
/// printable ASCII, and every Unicode P* character) is a word of its own. The library's default pattern
/// <c>\w+|[\p{P}]</c> silently drops what is neither, such as <c>$ + &lt; = &gt; ^ ~</c> and emoji
/// (dotnet/machinelearning#7725); here they stay, so WordPiece maps them to their ids or to <c>[UNK]</c> as
/// Hugging Face does.
/// </summary>
internal sealed class BertPreTokenizer : PreTokenizer
{
    public static BertPreTokenizer Instance { get; } = new();

    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text) => Split(text);

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text) => Split(text.ToString());

    /// <summary>BERT's <c>_is_punctuation</c>.</summary>
    public static bool IsPunctuation(Rune rune) =>
        rune.Value is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    private static List<(int Offset, int Length)> Split(string text)
    {
        var pieces = new List<(int Offset, int Length)>();
        var wordStart = -1;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.Utf16SequenceLength;
            if (Rune.IsWhiteSpace(rune) || IsPunctuation(rune))
            {
                if (wordStart >= 0)
                {
                    pieces.Add((wordStart, index - wordStart));
                    wordStart = -1;
                }

                if (!Rune.IsWhiteSpace(rune))
                {
                    pieces.Add((index, length));
                }
            }
            else if (wordStart < 0)
            {
                wordStart = index;
            }

            index += length;
        }

        if (wordStart >= 0)
        {
            pieces.Add((wordStart, index - wordStart));
        }

        return pieces;
    }
}
