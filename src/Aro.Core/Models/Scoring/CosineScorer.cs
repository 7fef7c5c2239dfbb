using Aro.Core.Models;

namespace Aro.Core.Models.Scoring;

/// <summary>CLIP-style scoring: cosine of the L2-normalised image and caption embeddings.</summary>
public sealed class CosineScorer : IOptionScorer
{
    public static CosineScorer Instance { get; } = new();

    public IReadOnlyList<double[]> Score(IReadOnlyList<ScoringRequest> requests, CancellationToken cancellationToken = default) =>
        [.. requests.Select(r => r.Options.Select(o => VectorMath.Dot(r.Image.Embedding, o.Embedding)).ToArray())];
}
