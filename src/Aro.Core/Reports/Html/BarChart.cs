namespace Aro.Core.Reports.Html;

/// <summary>A grouped horizontal bar chart of shares between 0 and 1.</summary>
/// <param name="Id">The chart's key (<c>data-chart</c>), e.g. the subset name.</param>
/// <param name="Caption">Accessible name of the chart.</param>
/// <param name="Series">The series (models), in legend order.</param>
/// <param name="Rows">The categories, top to bottom.</param>
/// <param name="Reference">A value to mark with a dashed line (chance), if any.</param>
/// <param name="ReferenceLabel">The reference line's label.</param>
internal sealed record BarChart(
    string Id,
    string Caption,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ChartRow> Rows,
    double? Reference,
    string ReferenceLabel);

/// <summary>One bar: a value between 0 and 1, the number of cases behind it, and whether its group counts toward the metric.</summary>
internal sealed record ChartBar(double Value, int Count, bool Included = true);

/// <summary>One category of a grouped bar chart (a relation, an attribute pair, a perturbation): one bar per series, null where a series has none.</summary>
internal sealed record ChartRow(string Label, IReadOnlyList<ChartBar?> Bars);

/// <summary>One series of a bar chart (a model): its legend label and bar colour.</summary>
internal sealed record ChartSeries(string Label, string Color);
