using System.Globalization;
using Aro.Core.IO;

namespace Aro.Core.Results;

/// <summary>
/// Writes <c>seeds.csv</c> (<see cref="ResultColumns.Seeds"/>): one row per seed with its metric of record and that
/// metric's 95% interval, then a <c>mean</c> and a <c>std</c> row (sample standard deviation) per subset.
/// </summary>
public static class SeedsCsvWriter
{
    public static void Write(string path, IEnumerable<SeedSummary> subsets, IReadOnlyList<IReadOnlyDictionary<string, string>>? kept = null) =>
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvFormat.CreateWriter(stream);
            CsvFormat.WriteRecord(csv, ResultColumns.Seeds);
            foreach (var row in kept ?? [])
            {
                CsvFormat.WriteRecord(csv, ResultColumns.Seeds.Select(c => row.GetValueOrDefault(c) ?? ""));
            }

            foreach (var subset in subsets)
            {
                foreach (var (seed, summary) in subset.Seeds)
                {
                    Row(csv, subset.Subset, seed.ToString(CultureInfo.InvariantCulture), summary.Samples, summary.MicroAccuracy, summary.MacroAccuracy,
                        summary.MetricOfRecord, summary.RecordInterval);
                }

                Row(csv, subset.Subset, "mean", subset.Seeds[0].Summary.Samples, subset.MeanMicro, subset.MeanMacro, subset.MeanRecord, null);
                Row(csv, subset.Subset, "std", subset.Seeds[0].Summary.Samples, subset.StdMicro, subset.StdMacro, subset.StdRecord, null);
            }
        });

    private static void Row(CsvHelper.CsvWriter csv, string subset, string seed, int samples, double micro, double macro, double record,
        Statistics.ConfidenceInterval? interval) =>
        CsvFormat.WriteRecord(csv, subset, seed, CsvFormat.Int(samples), CsvFormat.Fixed7(micro), CsvFormat.Fixed7(macro),
            CsvFormat.Fixed7(record), CsvFormat.Fixed7(interval?.Lower), CsvFormat.Fixed7(interval?.Upper));
}
