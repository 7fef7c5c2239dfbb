using System.Globalization;
using Aro.Core.Results;
using CsvHelper;

namespace Aro.Core.Reports.Gallery;

/// <summary>
/// Streams a <c>&lt;stem&gt;.predictions.csv</c> (docs/results-format.md) with its scores and option texts. A file
/// without score or option columns (hand-written, for a comparison) has nothing for the gallery: <see cref="HasScores"/>
/// says so before any row is read. A malformed field is an input error naming the file, line and column.
/// </summary>
public static class PredictionsReader
{
    /// <summary>True when the file's header has the leading columns, <c>score_0</c>… and as many <c>option_</c> columns.</summary>
    public static bool HasScores(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CsvFormat.Configuration);
        return csv.Read() && csv.ReadHeader() && OptionCount(csv.HeaderRecord!) > 0;
    }

    /// <summary>The rows in file order; call <see cref="HasScores"/> first (a file without scores is an input error here).</summary>
    public static IEnumerable<PredictionRow> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CsvFormat.Configuration);
        if (!csv.Read() || !csv.ReadHeader() || OptionCount(csv.HeaderRecord!) is not (> 0 and var options))
        {
            throw new AroInputException($"{path}: line 1: expected the columns {string.Join(",", ResultColumns.Predictions(2))} (or more options)");
        }

        while (csv.Read())
        {
            var line = csv.Parser.Row;
            var scores = new double[options];
            var texts = new string[options];
            for (var i = 0; i < options; i++)
            {
                scores[i] = Number(csv, path, line, ResultColumns.Score(i));
                texts[i] = csv.GetField(ResultColumns.Option(i)) ?? "";
            }

            var label = Int(csv, path, line, "label");
            var prediction = Int(csv, path, line, "prediction");
            if (label < 0 || label >= options || prediction < 0 || prediction >= options)
            {
                throw new AroInputException(FormattableString.Invariant($"{path}: line {line}: label {label} or prediction {prediction} is not one of the {options} options"));
            }

            var correct = csv.GetField("correct") switch
            {
                "true" => true,
                "false" => false,
                var other => throw new AroInputException($"{path}: line {line}: field 'correct' is '{other}', expected true or false"),
            };
            yield return new PredictionRow(Int(csv, path, line, "index"), csv.GetField("id") ?? "", csv.GetField("group") ?? "", label, prediction, correct, scores, texts);
        }
    }

    /// <summary>The number of options the header declares, or 0 when a leading, score or option column is missing.</summary>
    private static int OptionCount(string[] header)
    {
        if (ResultColumns.PredictionsLeading.Any(c => !header.Contains(c)))
        {
            return 0;
        }

        var count = header.Count(ResultColumns.IsScore);
        for (var i = 0; i < count; i++)
        {
            if (!header.Contains(ResultColumns.Score(i)) || !header.Contains(ResultColumns.Option(i)))
            {
                return 0;
            }
        }

        return count;
    }

    private static int Int(CsvReader csv, string path, int line, string column) =>
        int.TryParse(csv.GetField(column), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AroInputException($"{path}: line {line}: field '{column}' is '{csv.GetField(column)}', expected an integer");

    private static double Number(CsvReader csv, string path, int line, string column) =>
        double.TryParse(csv.GetField(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AroInputException($"{path}: line {line}: field '{column}' is '{csv.GetField(column)}', expected a number");
}
