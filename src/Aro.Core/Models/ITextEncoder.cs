namespace Aro.Core.Models;

/// <summary>Encodes batches of tokenised captions into L2-normalised embeddings.</summary>
public interface ITextEncoder : IDisposable
{
    /// <summary>The graph's inputs and outputs.</summary>
    GraphSignature Signature { get; }

    /// <summary>The fixed sequence length the graph demands, or null when its sequence axis is dynamic.</summary>
    int? FixedSequenceLength { get; }

    /// <summary>Encodes captions given as token ids (special tokens included, unpadded).</summary>
    IReadOnlyList<float[]> Encode(IReadOnlyList<int[]> tokenIds, CancellationToken cancellationToken = default);
}

/// <summary>One encoded caption: its ids (for cross-encoders such as BLIP's ITM head) and its normalised embedding.</summary>
public sealed record TextEncoding(int[] TokenIds, float[] Embedding);
