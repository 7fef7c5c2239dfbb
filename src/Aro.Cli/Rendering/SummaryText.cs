using System.Globalization;
using Aro.Core.Results;

namespace Aro.Cli.Rendering;

/// <summary>How a subset's result reads in one line: its cases, its metric of record with its 95% interval (or ± std over seeds), and whether it is partial.</summary>
internal static class SummaryText
{
    public static string Describe(SubsetSummary summary) =>
        string.Create(CultureInfo.InvariantCulture, $"{summary.Samples} cases, {summary.Subset.Metric.Name} {summary.MetricOfRecord:F4} {Spread(summary)}")
        + (summary.Partial is { } partial ? $" (partial: {partial})" : "");

    /// <summary><c>[0.5985, 0.9394]</c> (95% interval), <c>± 0.0123 over 5 seeds</c>, or empty.</summary>
    public static string Spread(SubsetSummary summary) => summary switch
    {
        { SeedCount: > 1, SeedStd: { } std } => string.Create(CultureInfo.InvariantCulture, $"± {std:F4} over {summary.SeedCount} seeds"),
        { RecordInterval: { } interval } => string.Create(CultureInfo.InvariantCulture, $"[{interval.Lower:F4}, {interval.Upper:F4}]"),
        _ => "",
    };
}
