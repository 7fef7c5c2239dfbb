using Aro.Core.Models;

namespace Aro.Core.Results;

/// <summary>
/// What a results folder's <c>run.json</c> says produced it, read tolerantly: a field an older (or hand-written)
/// run.json lacks is null or empty rather than an error, because a report can still show the numbers.
/// </summary>
public sealed record RunProvenance(
    string? AroVersion,
    string? ModelName,
    string? ModelFamily,
    string? ModelScoring,
    string? ModelLayout,
    string? ModelDirectory,
    string? ModelVariant,
    IReadOnlyList<HashedFile> ModelFiles,
    IReadOnlyList<HashedFile> DataFiles,
    IReadOnlyList<int> Seeds,
    int? Limit,
    int? BatchSize,
    string? OnnxruntimeVersion,
    string? ExecutionProvider,
    string? StartedUtc,
    double? ElapsedSeconds,
    IReadOnlyList<ProvenanceSubset> Subsets);

/// <summary>One <c>subsets[]</c> entry of run.json: which subset ran with which seed, its result files' stem and its data files.</summary>
public sealed record ProvenanceSubset(string Name, int? Seed, string? ResultStem, IReadOnlyList<HashedFile> Files);
