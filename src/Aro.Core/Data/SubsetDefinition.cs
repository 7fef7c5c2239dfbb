namespace Aro.Core.Data;

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
    /// <summary>The id of the case at <paramref name="index"/>.</summary>
    public string CaseId(int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{IdPrefix}-{index:D6}");
}
