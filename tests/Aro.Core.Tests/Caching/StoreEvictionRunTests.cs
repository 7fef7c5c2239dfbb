using Aro.Core.Caching;
using Aro.Core.Benchmarks;
using Aro.Core.Cases;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Models;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Caching;

/// <summary>
/// A run whose store forgets: memory alone (the cache held by another aro, no temporary file) with room for only 16
/// embeddings, over 400 cases with ~500 distinct images and captions. Embeddings reported as stored when a batch
/// was prepared used to be evicted by the batches encoded before it was scored ("internal error: caption embedding
/// … neither encoded nor stored"); now every case scores as with a store that forgets nothing.
/// </summary>
public sealed class StoreEvictionRunTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_store_that_forgets_gives_the_results_of_one_that_does_not(bool overlap)
    {
        using var temp = new TempDirectory();
        var cases = SyntheticCases.Write(temp.File("data"), 400);
        var package = ModelPackageLoader.Load(RepoPaths.InRepo("models", "demo"));
        using var model = LoadedModel.Load(package, RuntimeOptions.Default);
        var fingerprint = ModelFingerprint.Compute(package);
        var settings = new EvaluationSettings(BatchSize: 8, PrefetchBatches: 3, Overlap: overlap);

        var roomy = await RunAsync(model, settings, new EmbeddingStore(null, memoryCapacity: 1 << 20), fingerprint, cases);
        var forgetful = await RunAsync(model, settings, new EmbeddingStore(null, memoryCapacity: 16), fingerprint, cases);

        Assert.Equal(400, roomy.Count);
        Assert.Equal(roomy.Select(r => r.Id), forgetful.Select(r => r.Id));
        for (var i = 0; i < roomy.Count; i++)
        {
            Assert.Equal(roomy[i].Prediction, forgetful[i].Prediction);
            for (var o = 0; o < roomy[i].Scores.Count; o++)
            {
                // The same inputs, encoded in other batches: equal up to the last bits of a batched matrix product.
                Assert.Equal(roomy[i].Scores[o], forgetful[i].Scores[o], 1e-5);
            }
        }
    }

    private static async Task<List<CaseResult>> RunAsync(LoadedModel model, EvaluationSettings settings, EmbeddingStore store, byte[] fingerprint, string cases)
    {
        using (store)
        {
            var reader = new CasesJsonlReader(cases);
            var sink = new ListSink();
            await new EvaluationPipeline(model, settings, store, fingerprint).RunAsync(CasesFiles.SubsetOf(cases), reader.ReadAsync(), sink);
            Assert.Empty(sink.Skipped);
            return sink.Results;
        }
    }

    private sealed class ListSink : ICaseSink
    {
        public List<CaseResult> Results { get; } = [];

        public List<SkippedCase> Skipped { get; } = [];

        public void Add(AroCase aroCase, CaseResult result) => Results.Add(result);

        public void Skip(SkippedCase skipped) => Skipped.Add(skipped);

        public void BatchCompleted()
        {
        }
    }
}
