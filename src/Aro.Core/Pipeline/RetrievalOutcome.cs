using Aro.Core.Metrics;
using Aro.Core.Results;

namespace Aro.Core.Pipeline;

/// <summary>What a retrieval evaluation found: the rows of its retrieval.csv, and the original captions' recalls.</summary>
/// <param name="Rows">One row per perturbation and seed (and mean and std rows over several seeds), <c>none</c> first.</param>
/// <param name="Original">The recalls of the original captions and images (the metric of record's source).</param>
/// <param name="ImagesEncoded">Images encoded outside the case pipeline (perturbed, or again for ITM features).</param>
public sealed record RetrievalOutcome(IReadOnlyList<RetrievalRow> Rows, RetrievalRecalls Original, long ImagesEncoded);
