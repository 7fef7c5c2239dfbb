using Aro.Core.Metrics;
using Aro.Core.Perturbations;

namespace Aro.Core.Results;

/// <summary>One evaluated subset in run.json.</summary>
public sealed record RunSubset(string Name, int? Seed, string ResultStem, int Samples, int Skipped, double MetricOfRecord, IReadOnlyList<HashedFile> Files);
