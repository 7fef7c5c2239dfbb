namespace Aro.Core.Text;

/// <summary>Which tokenizer a model package needs and with which files and limits.</summary>
/// <param name="Kind">The tokenizer family.</param>
/// <param name="VocabularyPath">vocab.json (BPE), vocab.txt (WordPiece) or spiece.model (SentencePiece), or a Hugging Face tokenizer.json of that kind.</param>
/// <param name="MergesPath">merges.txt for BPE from vocab.json; null for the other kinds and for tokenizer.json.</param>
/// <param name="ContextLength">Most ids per caption, special tokens included.</param>
/// <param name="PadId">Id written after the caption up to the batch length.</param>
/// <param name="EncTokenId">BLIP's <c>[ENC]</c> id that replaces <c>[CLS]</c> for the ITM pass; null otherwise.</param>
/// <param name="Lowercase">Whether captions are lower-cased (BERT uncased, SigLIP's do_lower_case; CLIP always lower-cases).</param>
public sealed record TokenizerSpec(
    TokenizerKind Kind,
    string VocabularyPath,
    string? MergesPath,
    int ContextLength,
    int PadId,
    int? EncTokenId,
    bool Lowercase)
{
    /// <summary>
    /// SigLIP's special tokens by their text (pad, eos, unk), from tokenizer_config.json / special_tokens_map.json;
    /// only for <see cref="TokenizerKind.SentencePiece"/>, whose ids come from the vocabulary. Its length and casing are
    /// <see cref="ContextLength"/> and <see cref="Lowercase"/>, not the record's own.
    /// </summary>
    public SiglipTokenizerSettings? SentencePieceTokens { get; init; }
}
