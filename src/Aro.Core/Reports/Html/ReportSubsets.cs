using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.Aro;
using Aro.Core.Perturbations;

namespace Aro.Core.Reports.Html;

/// <summary>Which subsets the report shows, in which order, under which title.</summary>
internal static class ReportSubsets
{
    /// <summary>The four ARO subsets in the paper's order, then any other subset (a cases file) in the order first seen.</summary>
    public static IReadOnlyList<string> Columns(IReadOnlyList<ReportModel> models) =>
        [.. SubsetRegistry.All.Select(s => s.Name)
            .Concat(models.SelectMany(m => m.Folder.Summary.Select(r => r.Subset)))
            .Distinct(StringComparer.Ordinal)];

    public static string Title(string subset) => SubsetRegistry.Find(subset)?.Title ?? subset;

    /// <summary>The chance level of a subset's options, when it is one of the four.</summary>
    public static double? Chance(string subset) => PaperAnchors.Chance.For(subset);
}
