using Aro.Core.IO;

namespace Aro.Core.Results;

/// <summary>Writes <c>winoground.predictions.csv</c> (<see cref="ResultColumns.PairPredictions"/>): one row per instance, in file order.</summary>
public static class PairPredictionsCsvWriter
{
    public static void Write(string path, IEnumerable<PairMatchResult> results) =>
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvFormat.CreateWriter(stream);
            CsvFormat.WriteRecord(csv, ResultColumns.PairPredictions);
            foreach (var result in results)
            {
                var s = result.Scores;
                CsvFormat.WriteRecord(csv,
                    CsvFormat.Int(result.Index), result.Id, result.Group,
                    CsvFormat.Bool(s.TextCorrect), CsvFormat.Bool(s.ImageCorrect), CsvFormat.Bool(s.GroupCorrect),
                    CsvFormat.Fixed7(s.C0I0), CsvFormat.Fixed7(s.C0I1), CsvFormat.Fixed7(s.C1I0), CsvFormat.Fixed7(s.C1I1));
            }
        });
}
