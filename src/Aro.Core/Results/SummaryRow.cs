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
    /// <summary>What the row's numbers mean: the registered subset's metric of record, or a cases file's (macro over its groups).</summary>
    public Metrics.MetricOfRecord Metric => BenchmarkRegistry.Describe(Subset).Metric;

    /// <summary>The number the paper reports for this subset.</summary>
    public double MetricOfRecord => Metric.Pick(MicroAccuracy, MacroAccuracy);

    /// <summary>Short name of <see cref="MetricOfRecord"/> for tables (<c>macro</c>, <c>p@1</c>, <c>acc</c>).</summary>
    public string MetricName => Metric.Name;
}
