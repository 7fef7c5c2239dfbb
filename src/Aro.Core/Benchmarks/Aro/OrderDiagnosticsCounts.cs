
namespace Aro.Core.Benchmarks.Aro;

/// <summary>The raw counters of <see cref="OrderDiagnostics"/>: cases, wrong cases, wins and identical options per perturbation.</summary>
public sealed record OrderDiagnosticsCounts(int Cases, int Wrong, int[] Wins, int[] Identical)
{
    public OrderDiagnosticsCounts Plus(OrderDiagnosticsCounts other) => new(
        Cases + other.Cases,
        Wrong + other.Wrong,
        [.. Wins.Zip(other.Wins, (a, b) => a + b)],
        [.. Identical.Zip(other.Identical, (a, b) => a + b)]);
}
