using Aro.Core.Cases;
using Aro.Core.Metrics;
using Aro.Core.Perturbations;
using Aro.Core.Pipeline;

namespace Aro.Core.Results;

/// <summary>
/// <c>run.json</c>: what produced the numbers next to it (docs/results-format.md). It is provenance, so unlike the
/// CSVs it holds times and the command line; everything else is a function of the inputs and settings. Paths under
/// the working folder are written relative to it.
/// </summary>
public sealed record RunManifest(
    string AroVersion,
    string? Commit,
    IReadOnlyList<string>? CommandLine,
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
    double ElapsedSeconds)
{
    /// <summary>True when the run read images outside their subsets' data folders (<c>--allow-outside-data</c>); absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public bool? AllowOutsideData { get; init; }
}

/// <summary>The model part of run.json; <paramref name="Variant"/> is the graphs' file variant (fp32, fp16, quantized, ...).</summary>
/// <param name="Fingerprint">The model's fingerprint (hex): its files and resolved settings; runs share a results folder only with the same one.</param>
public sealed record RunModel(string Name, string Directory, string Layout, string Family, string Scoring, string Variant, string? Fingerprint, IReadOnlyList<HashedFile> Files);

/// <summary>One evaluated subset in run.json.</summary>
/// <param name="Partial">Why its numbers do not stand for the whole official subset, or null.</param>
/// <param name="FromEarlierRun">When it was evaluated by an earlier run whose results this one kept (that run's start), or null for this run.</param>
public sealed record RunSubset(string Name, int? Seed, string ResultStem, int Samples, int Skipped, double MetricOfRecord, IReadOnlyList<HashedFile> Files,
    string? Partial = null, string? FromEarlierRun = null);

/// <summary>A file named in run.json with its SHA-256, its path relative to the working folder when it is under it.</summary>
public sealed record HashedFile(string Path, string Sha256)
{
    public static HashedFile Of(string path) => new(RecordedPath.Of(path), IO.FileHashes.Sha256(path));
}

/// <summary>How run.json records a path: relative to the working folder when the path is under it (portable), else absolute.</summary>
public static class RecordedPath
{
    public static string Of(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? full : relative;
    }
}
