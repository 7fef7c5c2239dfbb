using Aro.Core.IO;
using Aro.Core.Statistics;

namespace Aro.Core.Results;

/// <summary>
/// Writes <c>&lt;stem&gt;.groups.csv</c>: <c>group,count,accuracy,included,ci_low,ci_high</c>, ordinal by group; the
/// interval is the 95% Wilson interval of the group's accuracy.
/// </summary>
public static class GroupsCsvWriter
{
    public static void Write(string path, SubsetSummary summary) =>
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvFormat.CreateWriter(stream);
            CsvFormat.WriteRecord(csv, ResultColumns.Groups);
            foreach (var group in summary.Groups)
            {
                var interval = WilsonInterval.Of(group.Correct, group.Count);
                csv.WriteField(group.Group);
                csv.WriteField(CsvFormat.Int(group.Count));
                csv.WriteField(CsvFormat.Fixed7(group.Accuracy));
                csv.WriteField(CsvFormat.Bool(group.Included));
                csv.WriteField(CsvFormat.Fixed7(interval?.Lower));
                csv.WriteField(CsvFormat.Fixed7(interval?.Upper));
                csv.NextRecord();
            }
        });
}
