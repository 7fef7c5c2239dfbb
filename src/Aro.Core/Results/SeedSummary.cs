using Aro.Core.Metrics;

namespace Aro.Core.Results;

/// <summary>
/// An Order subset evaluated with several perturbation seeds (the paper averages 5): per-seed results, their mean
/// and sample standard deviation.
/// </summary>
public sealed record SeedSummary(string Subset, IReadOnlyList<(int Seed, SubsetSummary Summary)> Seeds)
{
    public double MeanMicro => Seeds.Average(s => s.Summary.MicroAccuracy);

    public double MeanMacro => Seeds.Average(s => s.Summary.MacroAccuracy);

    public double StdMicro => Std(Seeds.Select(s => s.Summary.MicroAccuracy).ToList());

    public double StdMacro => Std(Seeds.Select(s => s.Summary.MacroAccuracy).ToList());

    /// <summary>The mean of the metric of record over the seeds.</summary>
    public double MeanRecord => Seeds.Average(s => s.Summary.MetricOfRecord);

    /// <summary>The sample standard deviation of the metric of record over the seeds.</summary>
    public double StdRecord => Std(Seeds.Select(s => s.Summary.MetricOfRecord).ToList());

    /// <summary>The row summary.csv shows for the subset: the seed means, with the first seed's counts.</summary>
    public SubsetSummary Mean()
    {
        var first = Seeds[0].Summary;
        return first with
        {
            MicroAccuracy = MeanMicro,
            MacroAccuracy = MeanMacro,
            Skipped = Seeds.Max(s => s.Summary.Skipped),
            SeedCount = Seeds.Count,
            SeedStd = StdRecord,
            Partial = Seeds.Select(s => s.Summary.Partial).FirstOrDefault(p => p is not null),
        };
    }

    private static double Std(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
