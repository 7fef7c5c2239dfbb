using Aro.Core.Cases;
using Aro.Core.Pipeline;

namespace Aro.Core.Results;

/// <summary>
/// <c>run.json</c>: what produced the numbers next to it (DESIGN.md §5). It is provenance, so unlike the CSVs
/// it holds times; everything else is a function of the inputs and settings.
/// </summary>
public sealed record RunManifest(
    string AroVersion,
    RunModel Model,
    IReadOnlyList<RunSubset> Subsets,
    IReadOnlyList<int> Seeds,
    int? Limit,
    string? Shard,
    int BatchSize,
    string OnnxruntimeVersion,
    string ExecutionProvider,
    int IntraOpThreads,
    int PreprocessThreads,
    string OnError,
    string EmbeddingCache,
    EncoderCalls EncoderCalls,
    string StartedUtc,
    double ElapsedSeconds);
