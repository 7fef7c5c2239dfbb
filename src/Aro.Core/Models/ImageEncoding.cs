namespace Aro.Core.Models;

/// <summary>What the image encoder gives for one image.</summary>
/// <param name="Embedding">The L2-normalised image embedding (ITC).</param>
/// <param name="TokenFeatures">BLIP's per-token vision features for the ITM head (tokens x width, row-major); null for CLIP.</param>
public sealed record ImageEncoding(float[] Embedding, float[]? TokenFeatures = null);
