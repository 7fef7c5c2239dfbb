namespace Aro.Core.Text;

/// <summary>The names of <see cref="TokenizerKind"/>s in <c>aro-model.json</c> (<c>tokenizer.kind</c>) and <c>aro models inspect</c>.</summary>
public static class TokenizerKinds
{
    /// <summary>Every name, in the enum's order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["clip-bpe", "bert-wordpiece", "sentencepiece"];

    public static string Name(TokenizerKind kind) => kind switch
    {
        TokenizerKind.ClipBpe => "clip-bpe",
        TokenizerKind.BertWordPiece => "bert-wordpiece",
        TokenizerKind.SentencePiece => "sentencepiece",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown tokenizer kind"),
    };

    /// <summary>The kind named <paramref name="name"/>, or null when no kind has that name.</summary>
    public static TokenizerKind? Parse(string name) => name switch
    {
        "clip-bpe" => TokenizerKind.ClipBpe,
        "bert-wordpiece" => TokenizerKind.BertWordPiece,
        "sentencepiece" => TokenizerKind.SentencePiece,
        _ => null,
    };
}
