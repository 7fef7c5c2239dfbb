namespace Aro.Core.Models;

/// <summary>Encodes batches of preprocessed images.</summary>
public interface IImageEncoder : IDisposable
{
    /// <summary>The graph's inputs and outputs.</summary>
    GraphSignature Signature { get; }

    /// <summary>Encodes <paramref name="count"/> images stored back to back (CHW each) in <paramref name="pixels"/>.</summary>
    IReadOnlyList<ImageEncoding> Encode(float[] pixels, int count, CancellationToken cancellationToken = default);
}

/// <summary>What the image encoder gives for one image.</summary>
/// <param name="Embedding">The L2-normalised image embedding (ITC).</param>
/// <param name="TokenFeatures">BLIP's per-token vision features for the ITM head (tokens x width, row-major); null for CLIP.</param>
public sealed record ImageEncoding(float[] Embedding, float[]? TokenFeatures = null);
