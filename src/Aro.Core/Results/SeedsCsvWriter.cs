using System.Globalization;
using Aro.Core.IO;

namespace Aro.Core.Results;

/// <summary>
/// Writes <c>seeds.csv</c>: <c>subset,seed,samples,micro_accuracy,macro_accuracy</c>, one row per seed, then a
/// <c>mean</c> and a <c>std</c> row (sample standard deviation) per subset.
/// </summary>
public static class SeedsCsvWriter
{
    public static void Write(string path, IEnumerable<SeedSummary> subsets) =>
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvFormat.CreateWriter(stream);
            CsvFormat.WriteRecord(csv, ResultColumns.Seeds);
            foreach (var subset in subsets)
            {
                foreach (var (seed, summary) in subset.Seeds)
                {
                    Row(csv, subset.Subset, seed.ToString(CultureInfo.InvariantCulture), summary.Samples, summary.MicroAccuracy, summary.MacroAccuracy);
                }

                Row(csv, subset.Subset, "mean", subset.Seeds[0].Summary.Samples, subset.MeanMicro, subset.MeanMacro);
                Row(csv, subset.Subset, "std", subset.Seeds[0].Summary.Samples, subset.StdMicro, subset.StdMacro);
            }
        });

    private static void Row(CsvHelper.CsvWriter csv, string subset, string seed, int samples, double micro, double macro)
    {
        csv.WriteField(subset);
        csv.WriteField(seed);
        csv.WriteField(CsvFormat.Int(samples));
        csv.WriteField(CsvFormat.Fixed7(micro));
        csv.WriteField(CsvFormat.Fixed7(macro));
        csv.NextRecord();
    }
}
