namespace Aro.Core.Reports.Html;

/// <summary>One series of a bar chart (a model): its legend label and bar colour.</summary>
internal sealed record ChartSeries(string Label, string Color);
