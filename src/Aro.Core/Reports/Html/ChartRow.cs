namespace Aro.Core.Reports.Html;

/// <summary>One category of a grouped bar chart (a relation, an attribute pair, a perturbation): one bar per series, null where a series has none.</summary>
internal sealed record ChartRow(string Label, IReadOnlyList<ChartBar?> Bars);
