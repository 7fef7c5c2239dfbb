using Aro.Core.Benchmarks;
using Aro.Core.Metrics;

namespace Aro.Core.Results;

/// <summary>One row of <c>summary.csv</c> as read back from a results folder.</summary>
/// <param name="Subset">The subset name (<c>relation</c>, <c>coco-order</c>, or a cases file's name).</param>
/// <param name="Samples">Cases evaluated.</param>
/// <param name="Groups">Included groups.</param>
/// <param name="MicroAccuracy">Accuracy over all cases.</param>
/// <param name="MacroAccuracy">Mean accuracy over the included groups.</param>
/// <param name="Skipped">Cases left out under <c>--on-error skip</c> (0 when the file predates the column).</param>
public sealed record SummaryRow(string Subset, int Samples, int Groups, double MicroAccuracy, double MacroAccuracy, int Skipped)
{
    /// <summary>Which accuracy the paper reports for this subset; a cases file's subset is macro over its groups.</summary>
    public MetricOfRecord Metric => SubsetRegistry.Find(Subset)?.Metric ?? Metrics.MetricOfRecord.MacroOverGroups;

    /// <summary>The number the paper reports: precision@1 (micro) on Order, macro accuracy otherwise.</summary>
    public double MetricOfRecord => Metric == Metrics.MetricOfRecord.Micro ? MicroAccuracy : MacroAccuracy;

    /// <summary>Short name of <see cref="MetricOfRecord"/> for tables: <c>p@1</c> or <c>macro</c>.</summary>
    public string MetricName => MetricNames.Of(Metric);
}
