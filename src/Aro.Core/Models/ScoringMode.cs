namespace Aro.Core.Models;

/// <summary>How a caption option is scored against the image (docs/protocol.md, "Scoring modes").</summary>
public enum ScoringMode
{
    /// <summary>Cosine of L2-normalised image and text embeddings.</summary>
    Itc,

    /// <summary>BLIP in ARO: positive ITM logit plus the ITC cosine.</summary>
    ItmPlusItc,
}
