namespace Aro.Core.Models;

/// <summary>A cross-encoder that reads (image features, caption) pairs and gives match logits.</summary>
public interface IItmEncoder : IDisposable
{
    /// <summary>The graph's inputs and outputs.</summary>
    GraphSignature Signature { get; }

    /// <summary>The <c>[no match, match]</c> logits of each pair, in order.</summary>
    IReadOnlyList<float[]> Logits(IReadOnlyList<ItmPair> pairs, CancellationToken cancellationToken = default);
}

/// <summary>One (image, caption) pair for BLIP's image-text matching head.</summary>
/// <param name="ImageFeatures">The image's per-token vision features (tokens x width, row-major).</param>
/// <param name="TokenIds">The caption's ids with <c>[ENC]</c> at position 0, unpadded.</param>
public sealed record ItmPair(float[] ImageFeatures, int[] TokenIds);
