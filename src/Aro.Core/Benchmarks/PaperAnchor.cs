namespace Aro.Core.Benchmarks;

/// <summary>One model's published numbers on a benchmark (metric of record per subset name; a subset it has no number for is absent).</summary>
/// <param name="Model">The row's name, e.g. "CLIP ViT-B/32".</param>
/// <param name="Values">Subset name (<c>relation</c>, <c>sugarcrepe-swap-att</c>, ...) to the published value, as a share.</param>
/// <param name="Approximate">True where the value is a rerun or reproduction close to, not read from, the paper.</param>
/// <param name="Note">Where this row's numbers come from.</param>
public sealed record PaperAnchor(string Model, IReadOnlyDictionary<string, double> Values, bool Approximate, string Note)
{
    public double? For(string subset) => Values.TryGetValue(subset, out var value) ? value : null;

    /// <summary>A row from (subset, value) pairs; null values are left out.</summary>
    public static PaperAnchor Of(string model, bool approximate, string note, params (string Subset, double? Value)[] values) =>
        new(model, values.Where(v => v.Value is not null).ToDictionary(v => v.Subset, v => v.Value!.Value, StringComparer.Ordinal), approximate, note);
}

/// <summary>A benchmark's published numbers: the rows reports print beside a model's results, and where they come from.</summary>
/// <param name="Source">The citation printed under every table that shows these numbers.</param>
/// <param name="Rows">The rows, in the order reports print them.</param>
public sealed record PublishedResults(string Source, IReadOnlyList<PaperAnchor> Rows);
