using Aro.Core.Cases;
using Aro.Core.Metrics;
using Aro.Core.Perturbations;
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

/// <summary>The model part of run.json; <paramref name="Variant"/> is the graphs' file variant (fp32, fp16, quantized, ...).</summary>
public sealed record RunModel(string Name, string Directory, string Layout, string Family, string Scoring, string Variant, IReadOnlyList<HashedFile> Files);

/// <summary>One evaluated subset in run.json.</summary>
public sealed record RunSubset(string Name, int? Seed, string ResultStem, int Samples, int Skipped, double MetricOfRecord, IReadOnlyList<HashedFile> Files);

/// <summary>A file named in run.json with its SHA-256.</summary>
public sealed record HashedFile(string Path, string Sha256)
{
    public static HashedFile Of(string path) => new(System.IO.Path.GetFullPath(path), IO.FileHashes.Sha256(path));
}
