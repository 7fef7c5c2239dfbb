namespace Aro.Core.Reports;

/// <summary>One evaluated subset in run.json.</summary>
public sealed record RunSubset(string Name, int Samples, double MetricOfRecord, IReadOnlyList<HashedFile> Files);
