using Aro.Core.Bench;
using Aro.Core.Benchmarks;
using Aro.Core.Caching;
using Aro.Core.Cases;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// What the stage profiler costs: the whole pipeline — read, hash, decode, crop, resize, normalise, tokenise, score —
/// over the demo's 20 cases (12 images, crops), with encoders that take no time (so preparation is all there is to
/// measure), with the profiler off and on; and one profiler record alone.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class PipelineBenchmarks
{
    private readonly string _cases = Path.Combine(BenchPaths.RepoRoot, "data", "demo", "cases.jsonl");
    private readonly PipelineProfiler _profiler = new();
    private SimulatedEncoders _model = null!;
    private SubsetDefinition _subset = null!;

    [Params(false, true)]
    public bool Profile { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = new SimulatedEncoders(ModelPackageLoader.Load(BenchPaths.DemoModel), 1e12, 1e12);
        _subset = CasesFiles.SubsetOf(_cases);
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark(Description = "pipeline, 20 demo cases, instant encoders")]
    public async Task<int> Pipeline()
    {
        // A fresh store each time, so every image is decoded again.
        using var store = new EmbeddingStore(null);
        var pipeline = new EvaluationPipeline(_model, new EvaluationSettings(BatchSize: 8, PreprocessThreads: 2, Overlap: true), store, _model.Fingerprint,
            Profile ? new PipelineProfiler() : null);
        var sink = new CountingSink();
        await pipeline.RunAsync(_subset, new CasesJsonlReader(_cases).ReadAsync(), sink);
        return sink.Count;
    }

    [Benchmark(Description = "PipelineProfiler.Add (one span)")]
    public void Record()
    {
        var started = PipelineProfiler.Start(_profiler);
        _profiler.Add(3, PipelineStage.Decode, started);
    }

    private sealed class CountingSink : ICaseSink
    {
        public int Count { get; private set; }

        public void Add(AroCase aroCase, CaseResult result) => Count++;

        public void Skip(SkippedCase skipped) => Count++;

        public void BatchCompleted()
        {
        }
    }
}
