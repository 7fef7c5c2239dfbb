using Aro.Core.Statistics;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// The confidence intervals at VG-Relation's size (23,937 cases; as 200 included groups of about 120 for macro)
/// with the default 2,000 resamples, and McNemar's exact test at 100,000 discordant pairs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class StatisticsBenchmarks
{
    private const int Cases = 23_937;
    private Stratum[] _groups = [];
    private PairedGroupTally[] _paired = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var sizes = Enumerable.Range(0, 200).Select(_ => random.Next(60, 180)).ToArray();
        var scale = (double)Cases / sizes.Sum();
        sizes = [.. sizes.Select(s => Math.Max(1, (int)Math.Round(s * scale)))];
        _groups = [.. sizes.Select((n, i) => new Stratum($"relation {i:D3}", n, (int)(n * random.NextDouble()), true))];
        _paired =
        [
            .. sizes.Select((n, i) =>
            {
                var both = n / 2;
                var baseOnly = n / 8;
                var candidateOnly = n / 10;
                return new PairedGroupTally($"relation {i:D3}", both, baseOnly, candidateOnly, n - both - baseOnly - candidateOnly, true);
            }),
        ];
    }

    [Benchmark(Description = "WilsonInterval.Of")]
    public ConfidenceInterval? Wilson() => WilsonInterval.Of(15_000, Cases);

    [Benchmark(Description = "Bootstrap.Micro (23,937 cases)")]
    public ConfidenceInterval? Micro() => Bootstrap.Micro(15_000, Cases, BootstrapSettings.Default);

    [Benchmark(Description = "Bootstrap.Macro (200 groups)")]
    public ConfidenceInterval? Macro() => Bootstrap.Macro(_groups, BootstrapSettings.Default);

    [Benchmark(Description = "PairedComparer.Compare (micro + macro + McNemar)")]
    public PairedComparison? Paired() => PairedComparer.Compare(_paired, BootstrapSettings.Default);

    [Benchmark(Description = "McNemarTest.ExactPValue (b + c = 100,000)")]
    public double McNemar() => McNemarTest.ExactPValue(49_800, 50_200);
}
