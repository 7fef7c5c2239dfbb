using Aro.Core.IO;

namespace Aro.Core.Results;

/// <summary>Writes <c>&lt;subset&gt;.retrieval.csv</c> (<see cref="ResultColumns.Retrieval"/>), rows in the order given.</summary>
public static class RetrievalCsvWriter
{
    public static void Write(string path, IEnumerable<RetrievalRow> rows) =>
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvFormat.CreateWriter(stream);
            CsvFormat.WriteRecord(csv, ResultColumns.Retrieval);
            foreach (var row in rows)
            {
                csv.WriteField(row.Perturbation);
                csv.WriteField(row.Seed);
                csv.WriteField(CsvFormat.Int(row.Images));
                csv.WriteField(CsvFormat.Int(row.Captions));
                foreach (var value in row.ImageToText.Concat(row.TextToImage))
                {
                    csv.WriteField(CsvFormat.Fixed7(value));
                }

                csv.NextRecord();
            }
        });
}
