using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace Aro.Core.Text;

/// <summary>
/// CLIP's text cleaning (OpenAI <c>simple_tokenizer</c>): HTML-unescape twice, collapse whitespace, trim,
/// lower-case. <c>ftfy.fix_text</c> has no .NET port; it only changes mojibake, which ARO captions do not hold.
/// </summary>
public sealed partial class ClipTextNormalizer : Normalizer
{
    public static ClipTextNormalizer Instance { get; } = new();

    public override string Normalize(string original)
    {
        var text = WebUtility.HtmlDecode(WebUtility.HtmlDecode(original));
        text = text.Normalize(NormalizationForm.FormC);
        text = Whitespace().Replace(text, " ").Trim();
        return text.ToLowerInvariant();
    }

    public override string Normalize(ReadOnlySpan<char> original) => Normalize(original.ToString());

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
