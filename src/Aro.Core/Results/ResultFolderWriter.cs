
namespace Aro.Core.Results;

/// <summary>Writes the run-level files of a results folder: summary.csv, and seeds.csv / skipped.csv when they apply.</summary>
public static class ResultFolderWriter
{
    public static void WriteRunFiles(string outDir, IReadOnlyList<SubsetSummary> summaries, IReadOnlyList<SeedSummary> seedSummaries,
        IReadOnlyList<(string Subset, SkippedCase Case)> skipped)
    {
        SummaryCsvWriter.Write(Path.Combine(outDir, ResultFiles.Summary), summaries);
        WriteOrDelete(Path.Combine(outDir, ResultFiles.Seeds), seedSummaries.Count > 0, path => SeedsCsvWriter.Write(path, seedSummaries));
        WriteOrDelete(Path.Combine(outDir, ResultFiles.Skipped), skipped.Count > 0, path => SkippedCsvWriter.Write(path, skipped));
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
