using Aro.Core.Benchmarks.Aro;
using Aro.Core.Benchmarks.Retrieval;
using Aro.Core.Benchmarks.SugarCrepe;
using Aro.Core.Benchmarks.Winoground;

namespace Aro.Core.Benchmarks;

/// <summary>
/// The one list of benchmarks. Every subset and group name the command line accepts resolves here, and nothing
/// outside a benchmark's own folder chooses behaviour by a subset's name: it asks the definition.
/// </summary>
public static class BenchmarkRegistry
{
    /// <summary>The benchmarks in the order tables show them.</summary>
    /// <remarks>
    /// The retrieval subsets read the Karpathy splits of the Order subsets, so they are given the Order subsets' data
    /// sources here: one benchmark folder never uses another's.
    /// </remarks>
    public static IReadOnlyList<BenchmarkDefinition> Benchmarks { get; } =
    [
        AroBenchmark.Instance,
        SugarCrepeBenchmark.Instance,
        WinogroundBenchmark.Instance,
        new RetrievalBenchmark(OrderSubset.Coco.Source, OrderSubset.Flickr.Source),
    ];

    /// <summary>Every registered subset, benchmark by benchmark, each in its paper's order.</summary>
    public static IReadOnlyList<NativeSubset> Subsets { get; } = [.. Benchmarks.SelectMany(b => b.Subsets)];

    /// <summary>Everything <c>--subset</c> accepts by name: subsets, benchmark names and their aliases.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Subsets.Select(s => s.Name), .. Benchmarks.SelectMany(b => (IEnumerable<string>)[b.Name, .. b.Aliases])];

    /// <summary>A subset by its name (ordinal, case-sensitive).</summary>
    public static NativeSubset? FindSubset(string name) =>
        Subsets.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>A benchmark by its group name or an alias.</summary>
    public static BenchmarkDefinition? FindBenchmark(string name) =>
        Benchmarks.FirstOrDefault(b => b.Name == name || b.Aliases.Contains(name, StringComparer.Ordinal));

    /// <summary>The benchmark a subset belongs to (null for a cases file's own subset).</summary>
    public static BenchmarkDefinition? BenchmarkOf(string subset) =>
        Benchmarks.FirstOrDefault(b => b.Subsets.Any(s => s.Name == subset));

    /// <summary>The subset whose case ids start with <paramref name="id"/>'s prefix, if any.</summary>
    public static NativeSubset? FromCaseId(string id) =>
        Subsets.FirstOrDefault(s => id.StartsWith(s.IdPrefix + "-", StringComparison.Ordinal));

    /// <summary>The definition that gives a results file's subset its meaning: the registered one, or a cases file's own.</summary>
    public static SubsetDefinition Describe(string subset) => (SubsetDefinition?)FindSubset(subset) ?? new CasesFileSubset(subset);
}
