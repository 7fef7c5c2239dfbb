using Aro.Core.Metrics;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// The retrieval ranking at COCO's size: 5,000 image and 25,010 caption embeddings of 512 floats (random, normalised),
/// every cosine computed in tiles with TensorPrimitives and each query's best k kept (10 for CLIP's recalls, 128 for
/// BLIP's candidates) — what <c>aro eval --subset coco-retrieval</c> does once per perturbation and seed after
/// encoding, on every core (what aro uses).
/// </summary>
[MemoryDiagnoser]
public class RetrievalRankingBenchmarks
{
    private const int Images = 5_000;
    private const int Captions = 25_010;
    private const int Dimension = 512;

    private EmbeddingMatrix _images = null!;
    private EmbeddingMatrix _captions = null!;

    [Params(10, 128)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20240501);
        _images = Random(Images, random);
        _captions = Random(Captions, random);
    }

    [Benchmark]
    public int RankCocoSize() =>
        SimilarityRanking.Rank(_images, _captions, K, K, Environment.ProcessorCount).PerText.Count;

    private static EmbeddingMatrix Random(int rows, Random random)
    {
        var matrix = new EmbeddingMatrix(rows, Dimension);
        var row = new float[Dimension];
        for (var r = 0; r < rows; r++)
        {
            var norm = 0.0;
            for (var d = 0; d < Dimension; d++)
            {
                row[d] = (float)((random.NextDouble() * 2) - 1);
                norm += row[d] * row[d];
            }

            for (var d = 0; d < Dimension; d++)
            {
                row[d] = (float)(row[d] / Math.Sqrt(norm));
            }

            matrix.Set(r, row);
        }

        return matrix;
    }
}
