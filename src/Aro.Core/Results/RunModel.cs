using Aro.Core.Perturbations;

namespace Aro.Core.Results;

/// <summary>The model part of run.json.</summary>
public sealed record RunModel(string Name, string Directory, string Layout, string Family, string Scoring, IReadOnlyList<HashedFile> Files);
