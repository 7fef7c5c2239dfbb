using Aro.Core.IO;
using Aro.Core.Metrics;

namespace Aro.Core.Results;

/// <summary>Writes <c>winoground.scores.csv</c> (<see cref="ResultColumns.PairScores"/>): the <c>all</c> row, then one per group.</summary>
public static class PairScoresCsvWriter
{
    public static void Write(string path, IEnumerable<PairScoreRow> rows) =>
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvFormat.CreateWriter(stream);
            CsvFormat.WriteRecord(csv, ResultColumns.PairScores);
            foreach (var row in rows)
            {
                CsvFormat.WriteRecord(csv, row.Group, CsvFormat.Int(row.Count),
                    CsvFormat.Fixed7(row.TextScore), CsvFormat.Fixed7(row.ImageScore), CsvFormat.Fixed7(row.GroupScore));
            }
        });
}
