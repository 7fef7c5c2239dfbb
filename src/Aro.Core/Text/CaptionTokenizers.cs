namespace Aro.Core.Text;

/// <summary>Builds the tokenizer a package's <see cref="TokenizerSpec"/> names.</summary>
public static class CaptionTokenizers
{
    public static ICaptionTokenizer Create(TokenizerSpec spec) => spec.Kind switch
    {
        TokenizerKind.ClipBpe => ClipBpeTokenizer.Load(spec.VocabularyPath, spec.MergesPath!, spec.ContextLength, spec.PadId),
        _ => throw new AroInputException(
            $"{spec.VocabularyPath}: the BERT WordPiece tokenizer (BLIP packages) is not available in this build"),
    };
}
