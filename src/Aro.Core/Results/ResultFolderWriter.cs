using Aro.Core.IO;

namespace Aro.Core.Results;

/// <summary>
/// Writes the run-level files of a results folder: summary.csv, and seeds.csv / skipped.csv when they apply. Rows of
/// subsets an earlier run evaluated and this run keeps (<paramref name="keptSeedRows"/>, <paramref name="keptSkippedRows"/>)
/// are written first, as they were.
/// </summary>
public static class ResultFolderWriter
{
    public static void WriteRunFiles(string outDir, IReadOnlyList<SummaryRow> summaries, IReadOnlyList<SeedSummary> seedSummaries,
        IReadOnlyList<(string Subset, SkippedCase Case)> skipped,
        IReadOnlyList<IReadOnlyDictionary<string, string>>? keptSeedRows = null, IReadOnlyList<IReadOnlyDictionary<string, string>>? keptSkippedRows = null)
    {
        keptSeedRows ??= [];
        keptSkippedRows ??= [];
        SummaryCsvWriter.Write(Path.Combine(outDir, ResultFiles.Summary), summaries);
        WriteOrDelete(Path.Combine(outDir, ResultFiles.Seeds), seedSummaries.Count + keptSeedRows.Count > 0,
            path => SeedsCsvWriter.Write(path, seedSummaries, keptSeedRows));
        WriteOrDelete(Path.Combine(outDir, ResultFiles.Skipped), skipped.Count + keptSkippedRows.Count > 0,
            path => SkippedCsvWriter.Write(path, skipped, keptSkippedRows));
    }

    /// <summary>Writes an optional file, or removes a stale one an earlier run left, so the folder describes this run.</summary>
    private static void WriteOrDelete(string path, bool write, Action<string> writer)
    {
        if (write)
        {
            writer(path);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
