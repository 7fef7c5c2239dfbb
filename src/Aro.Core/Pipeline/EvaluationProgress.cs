
namespace Aro.Core.Pipeline;

/// <summary>Progress of a subset: cases finished out of the total (null while unknown).</summary>
public readonly record struct EvaluationProgress(string Subset, int Done, int? Total);
