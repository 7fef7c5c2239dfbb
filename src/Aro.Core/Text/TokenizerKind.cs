namespace Aro.Core.Text;

/// <summary>The tokenizer families aro implements.</summary>
public enum TokenizerKind
{
    /// <summary>CLIP byte-level BPE (<c>vocab.json</c> + <c>merges.txt</c>).</summary>
    ClipBpe,

    /// <summary>BERT uncased WordPiece (<c>vocab.txt</c>), as BLIP uses.</summary>
    BertWordPiece,

    /// <summary>SentencePiece Unigram (<c>spiece.model</c>) with SigLIP's text steps (<see cref="SiglipTokenizer"/>).</summary>
    SentencePiece,
}
