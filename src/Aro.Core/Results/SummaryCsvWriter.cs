using Aro.Core.IO;

namespace Aro.Core.Results;

/// <summary>
/// Writes <c>summary.csv</c> (<see cref="ResultColumns.Summary"/>), one row per subset in run order: the counts and
/// accuracies, then the model, the metric of record with its 95% interval, micro accuracy's interval, the seed count
/// and spread of a mean over seeds, and why a row is partial.
/// </summary>
public static class SummaryCsvWriter
{
    public static void Write(string path, IEnumerable<SummaryRow> rows) =>
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvFormat.CreateWriter(stream);
            CsvFormat.WriteRecord(csv, ResultColumns.Summary);
            foreach (var row in rows)
            {
                CsvFormat.WriteRecord(csv,
                    row.Subset,
                    CsvFormat.Int(row.Samples),
                    CsvFormat.Int(row.Groups),
                    CsvFormat.Fixed7(row.MicroAccuracy),
                    CsvFormat.Fixed7(row.MacroAccuracy),
                    CsvFormat.Int(row.Skipped),
                    row.Model ?? "",
                    row.MetricName,
                    CsvFormat.Fixed7(row.MetricOfRecord),
                    CsvFormat.Fixed7(row.RecordInterval?.Lower),
                    CsvFormat.Fixed7(row.RecordInterval?.Upper),
                    CsvFormat.Fixed7(row.MicroInterval?.Lower),
                    CsvFormat.Fixed7(row.MicroInterval?.Upper),
                    row.SeedCount is { } seeds ? CsvFormat.Int(seeds) : "",
                    CsvFormat.Fixed7(row.SeedStd),
                    row.Partial ?? "");
            }
        });
}
