namespace Aro.Core.Models;

/// <summary>Encodes batches of preprocessed images.</summary>
public interface IImageEncoder : IDisposable
{
    /// <summary>The graph's inputs and outputs.</summary>
    GraphSignature Signature { get; }

    /// <summary>Encodes <paramref name="count"/> images stored back to back (CHW each) in <paramref name="pixels"/>.</summary>
    IReadOnlyList<ImageEncoding> Encode(float[] pixels, int count, CancellationToken cancellationToken = default);
}
