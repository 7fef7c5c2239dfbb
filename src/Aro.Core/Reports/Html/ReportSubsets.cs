using Aro.Core.Benchmarks;

namespace Aro.Core.Reports.Html;

/// <summary>Which subsets the report shows, in which order, under which title.</summary>
internal static class ReportSubsets
{
    /// <summary>
    /// Every subset of each benchmark that at least one model was evaluated on (a benchmark's columns stay together,
    /// in its paper's order), then any other subset (a cases file) in the order first seen.
    /// </summary>
    public static IReadOnlyList<string> Columns(IReadOnlyList<ReportModel> models)
    {
        var present = models.SelectMany(m => m.Folder.Summary.Select(r => r.Subset)).Distinct(StringComparer.Ordinal).ToList();
        return [.. BenchmarkRegistry.Benchmarks
            .Where(b => b.Subsets.Any(s => present.Contains(s.Name)))
            .SelectMany(b => b.Subsets.Select(s => s.Name))
            .Concat(present)
            .Distinct(StringComparer.Ordinal)];
    }

    public static string Title(string subset) => BenchmarkRegistry.Describe(subset).Title;

    /// <summary>The accuracy of guessing, for subsets with a fixed number of options.</summary>
    public static double? Chance(string subset) => BenchmarkRegistry.Describe(subset).Chance;
}
