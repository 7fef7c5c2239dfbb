using Aro.Core.Models;
using Aro.Core.Models.Scoring;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// Embedding arithmetic at BLIP (256), CLIP ViT-B (512) and ViT-L (768) widths: one dot product, one L2
/// normalisation (done once per encoded image and caption), and CosineScorer on a batch of 64 two-option cases
/// (one VG batch).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class ScoringBenchmarks
{
    private const int Cases = 64;
    private float[] _a = [];
    private float[] _b = [];
    private ScoringRequest[] _requests = [];

    [Params(256, 512, 768)]
    public int Dimension { get; set; } = 512;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        float[] Vector() => [.. Enumerable.Range(0, Dimension).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        _a = VectorMath.Normalize(Vector());
        _b = VectorMath.Normalize(Vector());
        _requests =
        [
            .. Enumerable.Range(0, Cases).Select(_ => new ScoringRequest(
                new ImageEncoding(VectorMath.Normalize(Vector())),
                [new TextEncoding([], VectorMath.Normalize(Vector())), new TextEncoding([], VectorMath.Normalize(Vector()))])),
        ];
    }

    [Benchmark(Description = "VectorMath.Dot")]
    public double Dot() => VectorMath.Dot(_a, _b);

    [Benchmark(Description = "VectorMath.Normalize")]
    public float[] Normalize() => VectorMath.Normalize(_a);

    [Benchmark(Description = "CosineScorer.Score (64 cases x 2)")]
    public IReadOnlyList<double[]> Score() => CosineScorer.Instance.Score(_requests);
}
