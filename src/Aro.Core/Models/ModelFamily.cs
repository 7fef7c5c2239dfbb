namespace Aro.Core.Models;

/// <summary>The architecture family: how captions are tokenised and how a case is scored.</summary>
public enum ModelFamily
{
    /// <summary>CLIP and NegCLIP: BPE tokens, cosine of projected embeddings.</summary>
    Clip,

    /// <summary>BLIP retrieval: WordPiece tokens, ITC cosine and optionally the ITM head.</summary>
    Blip,
}
