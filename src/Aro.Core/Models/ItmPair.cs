namespace Aro.Core.Models;

/// <summary>One (image, caption) pair for BLIP's image-text matching head.</summary>
/// <param name="ImageFeatures">The image's per-token vision features (tokens x width, row-major).</param>
/// <param name="TokenIds">The caption's ids with <c>[ENC]</c> at position 0, unpadded.</param>
public sealed record ItmPair(float[] ImageFeatures, int[] TokenIds);
