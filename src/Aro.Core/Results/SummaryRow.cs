using Aro.Core.Benchmarks;
using Aro.Core.Statistics;

namespace Aro.Core.Results;

/// <summary>
/// One row of <c>summary.csv</c>: what the writer writes and the readers read back (report, compare, merge). The
/// columns after <see cref="Skipped"/> came later, so a row read from an older file has them null.
/// </summary>
/// <param name="Subset">The subset name (<c>relation</c>, <c>coco-order</c>, or a cases file's name).</param>
/// <param name="Samples">Cases evaluated.</param>
/// <param name="Groups">Included groups.</param>
/// <param name="MicroAccuracy">Accuracy over all cases.</param>
/// <param name="MacroAccuracy">Mean accuracy over the included groups.</param>
/// <param name="Skipped">Cases left out under <c>--on-error skip</c> (0 when the file predates the column).</param>
public sealed record SummaryRow(string Subset, int Samples, int Groups, double MicroAccuracy, double MacroAccuracy, int Skipped)
{
    /// <summary>The model the row is of.</summary>
    public string? Model { get; init; }

    /// <summary>The 95% interval of the metric of record (null for a mean over seeds, or an older file).</summary>
    public ConfidenceInterval? RecordInterval { get; init; }

    /// <summary>The 95% Wilson interval of the micro accuracy.</summary>
    public ConfidenceInterval? MicroInterval { get; init; }

    /// <summary>How many seeds the row's numbers are the mean of (null in an older file: one).</summary>
    public int? SeedCount { get; init; }

    /// <summary>The standard deviation of the metric of record over the seeds.</summary>
    public double? SeedStd { get; init; }

    /// <summary>Why the row does not stand for the whole official subset, or null.</summary>
    public string? Partial { get; init; }

    /// <summary>What the row's numbers mean: the registered subset's metric of record, or a cases file's (macro over its groups).</summary>
    public Metrics.MetricOfRecord Metric => BenchmarkRegistry.Describe(Subset).Metric;

    /// <summary>The number the paper reports for this subset.</summary>
    public double MetricOfRecord => Metric.Pick(MicroAccuracy, MacroAccuracy);

    /// <summary>Short name of <see cref="MetricOfRecord"/> for tables (<c>macro</c>, <c>p@1</c>, <c>acc</c>).</summary>
    public string MetricName => Metric.Name;
}
