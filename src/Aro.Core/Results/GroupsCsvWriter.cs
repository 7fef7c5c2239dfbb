using Aro.Core.IO;

namespace Aro.Core.Results;

/// <summary>
/// Writes <c>&lt;subset&gt;.groups.csv</c>: <c>group,count,accuracy,included</c>, ordinal by group, then any
/// diagnostic rows (never included).
/// </summary>
public static class GroupsCsvWriter
{
    public static void Write(string path, SubsetSummary summary) =>
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvFormat.CreateWriter(stream);
            CsvFormat.WriteRecord(csv, ResultColumns.Groups);
            foreach (var group in summary.Groups.Concat(summary.Diagnostics ?? []))
            {
                csv.WriteField(group.Group);
                csv.WriteField(CsvFormat.Int(group.Count));
                csv.WriteField(CsvFormat.Fixed7(group.Accuracy));
                csv.WriteField(CsvFormat.Bool(group.Included));
                csv.NextRecord();
            }
        });
}
