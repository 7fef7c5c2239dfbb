namespace Aro.Core.Text;

/// <summary>Builds the tokenizer a package's <see cref="TokenizerSpec"/> names.</summary>
public static class CaptionTokenizers
{
    /// <summary>
    /// The spec's tokenizer. A <see cref="TokenizerSpec.VocabularyPath"/> named <c>tokenizer.json</c> is read as a
    /// Hugging Face tokenizer file of the spec's kind (no merges file); for WordPiece its normaliser says whether
    /// captions are lower-cased, which must agree with <see cref="TokenizerSpec.Lowercase"/>. SentencePiece specs
    /// give SigLIP's tokenizer (<see cref="SiglipTokenizer"/>), from spiece.model or a Unigram tokenizer.json.
    /// </summary>
    public static ICaptionTokenizer Create(TokenizerSpec spec) => spec.Kind switch
    {
        TokenizerKind.ClipBpe when IsTokenizerJson(spec.VocabularyPath) =>
            ClipBpeTokenizer.FromTokenizerJson(spec.VocabularyPath, spec.ContextLength, spec.PadId),
        TokenizerKind.ClipBpe => ClipBpeTokenizer.Load(spec.VocabularyPath, spec.MergesPath!, spec.ContextLength, spec.PadId),
        TokenizerKind.BertWordPiece when IsTokenizerJson(spec.VocabularyPath) => WordPieceFromTokenizerJson(spec),
        TokenizerKind.BertWordPiece => BertWordPieceTokenizer.Load(spec.VocabularyPath, spec.ContextLength, spec.PadId, spec.EncTokenId, spec.Lowercase),
        TokenizerKind.SentencePiece => Siglip(spec),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown tokenizer kind"),
    };

    /// <summary>
    /// SigLIP's tokenizer from spiece.model or a Unigram tokenizer.json, with the spec's special tokens and its length
    /// and casing (which a manifest may have overridden).
    /// </summary>
    private static SiglipTokenizer Siglip(TokenizerSpec spec)
    {
        var settings = (spec.SentencePieceTokens ?? SiglipTokenizerSettings.Default) with { ContextLength = spec.ContextLength, Lowercase = spec.Lowercase };
        return IsTokenizerJson(spec.VocabularyPath)
            ? SiglipTokenizer.FromTokenizerJson(spec.VocabularyPath, settings)
            : SiglipTokenizer.FromSentencePieceModel(spec.VocabularyPath, settings);
    }

    private static bool IsTokenizerJson(string path) =>
        string.Equals(Path.GetFileName(path), TokenizerJsonFile.FileName, StringComparison.OrdinalIgnoreCase);

    private static BertWordPieceTokenizer WordPieceFromTokenizerJson(TokenizerSpec spec)
    {
        var file = TokenizerJsonFile.Load(spec.VocabularyPath);
        if (file.WordPiece is { } wordPiece && wordPiece.Lowercase != spec.Lowercase)
        {
            throw new AroInputException(
                $"{file.Path}: normalizer.lowercase is {(wordPiece.Lowercase ? "true" : "false")}, but the package's tokenizer settings say lowercase {(spec.Lowercase ? "true" : "false")}");
        }

        return BertWordPieceTokenizer.FromTokenizerJson(file, spec.ContextLength, spec.PadId, spec.EncTokenId);
    }
}
