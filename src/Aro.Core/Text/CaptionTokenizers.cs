namespace Aro.Core.Text;

/// <summary>Builds the tokenizer a package's <see cref="TokenizerSpec"/> names.</summary>
public static class CaptionTokenizers
{
    public static ICaptionTokenizer Create(TokenizerSpec spec) => spec.Kind switch
    {
        TokenizerKind.ClipBpe => ClipBpeTokenizer.Load(spec.VocabularyPath, spec.MergesPath!, spec.ContextLength, spec.PadId),
        TokenizerKind.BertWordPiece => BertWordPieceTokenizer.Load(spec.VocabularyPath, spec.ContextLength, spec.PadId, spec.EncTokenId, spec.Lowercase),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown tokenizer kind"),
    };
}
