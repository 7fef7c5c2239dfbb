using Aro.Core.Metrics;
using Aro.Core.Perturbations;

namespace Aro.Core.Benchmarks;

/// <summary>
/// A benchmark subset: its command-line name, the prefix of its case ids, the metric the paper reports and
/// which groups that metric includes.
/// </summary>
/// <param name="Name">The <c>--subset</c> name and the prefix of result files (<c>relation.groups.csv</c>).</param>
/// <param name="Title">Human name, e.g. "VG-Relation".</param>
/// <param name="IdPrefix">Case ids are <c>{IdPrefix}-{index:D6}</c>.</param>
/// <param name="Metric">The metric of record.</param>
/// <param name="GroupFilter">Which groups count toward the macro accuracy.</param>
/// <param name="NativeFile">The annotation file that marks a data folder as this subset's root, if any.</param>
public sealed record SubsetDefinition(
    string Name,
    string Title,
    string IdPrefix,
    MetricOfRecord Metric,
    IGroupFilter GroupFilter,
    string? NativeFile)
{
    /// <summary>
    /// A second folder name under the data root that may hold this subset: VG-Relation and VG-Attribution share
    /// their images, so <c>aro data pull</c> puts both in <c>vg/</c> (the official layout: both JSON files and
    /// <c>images/</c> in one folder).
    /// </summary>
    public string? SharedFolder { get; init; }

    /// <summary>The number of cases in the official files (a different count is worth a warning), if known.</summary>
    public int? OfficialCases { get; init; }

    /// <summary>The folder names under a data root that may hold this subset, in the order they are searched.</summary>
    public IReadOnlyList<string> DataFolders => SharedFolder is null ? [Name] : [Name, SharedFolder];

    /// <summary>The id of the case at <paramref name="index"/>.</summary>
    public string CaseId(int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{IdPrefix}-{index:D6}");
}
