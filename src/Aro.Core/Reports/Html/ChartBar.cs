namespace Aro.Core.Reports.Html;

/// <summary>One bar: a value between 0 and 1, the number of cases behind it, and whether its group counts toward the metric.</summary>
internal sealed record ChartBar(double Value, int Count, bool Included = true);
