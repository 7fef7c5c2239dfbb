
namespace Aro.Core.Benchmarks;

/// <summary>One model's published ARO numbers (metric of record per subset name; a subset it has no number for is absent).</summary>
/// <param name="Model">The row's name, e.g. "CLIP ViT-B/32".</param>
/// <param name="Values">Subset name (<c>relation</c>, <c>coco-order</c>, ...) to the published value.</param>
/// <param name="Approximate">True where the value is a rerun or reproduction close to, not read from, the paper.</param>
/// <param name="Note">Where this row's numbers come from.</param>
public sealed record PaperAnchor(string Model, IReadOnlyDictionary<string, double> Values, bool Approximate, string Note)
{
    public double? For(string subset) => Values.TryGetValue(subset, out var value) ? value : null;
}
