namespace Aro.Core.Models;

/// <summary>A cross-encoder that reads (image features, caption) pairs and gives match logits.</summary>
public interface IItmEncoder : IDisposable
{
    /// <summary>The graph's inputs and outputs.</summary>
    GraphSignature Signature { get; }

    /// <summary>The <c>[no match, match]</c> logits of each pair, in order.</summary>
    IReadOnlyList<float[]> Logits(IReadOnlyList<ItmPair> pairs, CancellationToken cancellationToken = default);
}
