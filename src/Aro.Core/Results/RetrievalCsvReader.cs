namespace Aro.Core.Results;

/// <summary>Reads <c>&lt;subset&gt;.retrieval.csv</c> back (for <c>aro report</c>), checking every value.</summary>
public static class RetrievalCsvReader
{
    public static IReadOnlyList<RetrievalRow> Read(string path)
    {
        using var csv = CsvInput.Open(path, ResultColumns.Retrieval);
        var rows = new List<RetrievalRow>();
        while (csv.Read())
        {
            rows.Add(new RetrievalRow(
                csv.Text("perturbation"),
                csv.OptionalText("seed") ?? "",
                csv.Count("images"),
                csv.Count("captions"),
                [csv.Share("i2t_r1"), csv.Share("i2t_r5"), csv.Share("i2t_r10")],
                [csv.Share("t2i_r1"), csv.Share("t2i_r5"), csv.Share("t2i_r10")]));
        }

        return rows;
    }
}
