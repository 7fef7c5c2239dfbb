using Aro.Core.Bench;
using Aro.Core.Benchmarks;
using Aro.Core.Caching;
using Aro.Core.Cases;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Pipeline;

/// <summary>
/// What a profiled run records: every stage counts exactly the items the run handled (the encoder calls and the
/// cases, counted independently by the model and the sink), each batch's moments come in the order its stages run,
/// and the timestamps stay within the run. No timing is asserted.
/// </summary>
public sealed class PipelineProfilerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_profiled_run_counts_each_item_once_per_stage_and_orders_each_batch(bool overlap)
    {
        var cases = RepoPaths.InRepo("data", "demo", "cases.jsonl");
        var model = new InMemoryModel();
        var profiler = new PipelineProfiler();
        using var store = new EmbeddingStore(null);
        var pipeline = new EvaluationPipeline(model, new EvaluationSettings(BatchSize: 6, PreprocessThreads: 2, Overlap: overlap), store, model.Fingerprint, profiler);
        var sink = new RecordingSink();

        await pipeline.RunAsync(CasesFiles.SubsetOf(cases), new CasesJsonlReader(cases).ReadAsync(), sink);
        var profile = profiler.Snapshot();

        var stages = profile.Stages.ToDictionary(s => s.Stage);
        Assert.Equal(Enum.GetValues<PipelineStage>().Select(StageNames.Of), profile.Stages.Select(s => s.Stage));
        Assert.Equal(model.ImageCalls.Sum(), stages["decode"].Count);
        Assert.Equal(model.ImageCalls.Sum(), stages["resize+normalise"].Count);
        Assert.Equal(model.ImageCalls.Sum(), stages["encode images"].Count);
        Assert.Equal(model.TextCalls.Sum(), stages["encode captions"].Count);
        Assert.Equal(sink.Captions, stages["tokenise"].Count);
        Assert.Equal(sink.Cases, stages["score"].Count);
        Assert.Equal(sink.Cases, stages["write"].Count);

        // 20 cases in batches of 6: 6, 6, 6, 2.
        Assert.Equal([0, 1, 2, 3], profile.Batches.Select(b => b.Batch));
        Assert.Equal([6, 6, 6, 2], profile.Batches.Select(b => b.Cases));
        Assert.Equal(model.ImageCalls, profile.Batches.Select(b => b.Images).Where(n => n > 0));
        foreach (var batch in profile.Batches)
        {
            Assert.True(batch.PrepareStarted <= batch.Prepared && batch.Prepared <= batch.EncodeStarted
                && batch.EncodeStarted <= batch.Encoded && batch.Encoded <= batch.Written && batch.Written <= profile.WallSeconds,
                $"batch {batch.Batch}: {batch}");
            Assert.All(batch.Stages, s => Assert.True(s.Start <= s.End && s.Seconds >= 0, $"{batch.Batch} {s}"));
        }

        var text = ProfileText.Lines(profile);
        Assert.Contains(text, l => l.TrimStart().StartsWith("encode images", StringComparison.Ordinal));
        Assert.Equal(2 + profile.Stages.Count + 2 + profile.Batches.Count, text.Count);
    }

    private sealed class RecordingSink : ICaseSink
    {
        public int Cases { get; private set; }

        public int Captions { get; private set; }

        public void Add(AroCase aroCase, CaseResult result)
        {
            Cases++;
            Captions += aroCase.Captions.Count;
        }

        public void Skip(SkippedCase skipped) => throw new InvalidOperationException(skipped.Reason);

        public void BatchCompleted()
        {
        }
    }
}
