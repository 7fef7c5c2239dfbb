using Aro.Core.IO;

namespace Aro.Core.Results;

/// <summary>Writes <c>skipped.csv</c>: <c>subset,index,id,group,reason</c>, one row per skipped case in run order.</summary>
public static class SkippedCsvWriter
{
    public static void Write(string path, IEnumerable<(string Subset, SkippedCase Case)> skipped, IReadOnlyList<IReadOnlyDictionary<string, string>>? kept = null) =>
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvFormat.CreateWriter(stream);
            CsvFormat.WriteRecord(csv, ResultColumns.Skipped);
            foreach (var row in kept ?? [])
            {
                CsvFormat.WriteRecord(csv, ResultColumns.Skipped.Select(c => row.GetValueOrDefault(c) ?? ""));
            }

            foreach (var (subset, skippedCase) in skipped)
            {
                csv.WriteField(subset);
                csv.WriteField(CsvFormat.Int(skippedCase.Index));
                csv.WriteField(skippedCase.Id);
                csv.WriteField(skippedCase.Group);
                csv.WriteField(skippedCase.Reason);
                csv.NextRecord();
            }
        });
}
