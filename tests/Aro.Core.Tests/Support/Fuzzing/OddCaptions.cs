using System.Text;

namespace Aro.Core.Tests.Support.Fuzzing;

/// <summary>
/// Captions built from pieces that stress text code: punctuation and contractions the tokenizers split, accents,
/// CJK, emoji and ZWJ sequences, bidi and zero-width marks, control characters, lone surrogates, runs of spaces,
/// 5,000 characters without a break, and every 50th caption hundreds of pieces long.
/// </summary>
public static class OddCaptions
{
    private static readonly string[] Pieces =
    [
        "a", "dog", "Dogs", "running", "on", "the", "green", "grass", ".", ",", "!", "?", "'s", "n't", "--", "...", "\"", "'",
        "(", ")", "[", "]", "e.g.", "U.S.A.", "5", "3.14", "1,000", "#", "@", "&", "é", "naïve", "café", "日本", "🙂", "👩‍👩‍👧",
        "\u202e", "\u200b", "\u00a0", "\t", "\n", "\r\n", "\0", "\ud800", "\udc00", " ", "   ", "-", "_", "/", "\\",
        "<|startoftext|>", "<|endoftext|>", "[CLS]", "[SEP]", "[ENC]", "##ing", new string('x', 5_000),
    ];

    /// <summary><paramref name="count"/> captions (and an empty one), stored as UTF-16 so lone surrogates survive.</summary>
    public static IEnumerable<FuzzInput> Generate(int count, int seed)
    {
        var random = new Random(seed);
        yield return new FuzzInput("empty caption", []);
        for (var n = 0; n < count; n++)
        {
            var words = Enumerable.Range(0, random.Next(1, n % 50 == 0 ? 400 : 25)).Select(_ => Pieces[random.Next(Pieces.Length)]);
            var caption = string.Join(random.Next(4) == 0 ? "" : " ", words);
            yield return new FuzzInput($"caption #{n}", Encoding.Unicode.GetBytes(caption));
        }
    }

    /// <summary>The caption an input holds (UTF-16, so lone surrogates survive).</summary>
    public static string Text(FuzzInput input) => Encoding.Unicode.GetString(input.Bytes);
}
