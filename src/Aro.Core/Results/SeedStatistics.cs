using Aro.Core.Metrics;

namespace Aro.Core.Results;

/// <summary>
/// One subset's lines of <c>seeds.csv</c>: the seeds it ran with and the mean and sample standard deviation
/// that <c>aro eval</c> wrote for them.
/// </summary>
public sealed record SeedStatistics(
    string Subset,
    IReadOnlyList<int> Seeds,
    double MeanMicro,
    double MeanMacro,
    double StdMicro,
    double StdMacro)
{
    /// <summary>Mean of the metric of record (micro on Order, macro otherwise) as <paramref name="row"/> defines it.</summary>
    public double Mean(SummaryRow row) => row.Metric.Pick(MeanMicro, MeanMacro);

    /// <summary>Standard deviation of the metric of record.</summary>
    public double Std(SummaryRow row) => row.Metric.Pick(StdMicro, StdMacro);
}
