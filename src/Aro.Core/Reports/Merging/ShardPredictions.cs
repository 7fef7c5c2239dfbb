using System.Globalization;
using Aro.Core.Results;
using CsvHelper;

namespace Aro.Core.Reports.Merging;

/// <summary>Reads a predictions file row by row, keeping each row's raw text so a merge copies it byte for byte.</summary>
internal sealed class ShardPredictions : IDisposable
{
    private readonly StreamReader _reader;
    private readonly CsvReader _csv;

    public ShardPredictions(string path)
    {
        Path = path;
        _reader = new StreamReader(path);
        _csv = new CsvReader(_reader, CsvFormat.Configuration);
        if (!_csv.Read() || !_csv.ReadHeader())
        {
            throw new AroInputException($"{path}: empty predictions file");
        }

        Header = string.Join(',', _csv.HeaderRecord!);
        foreach (var column in new[] { "index", "group", "correct" })
        {
            if (!_csv.HeaderRecord!.Contains(column))
            {
                throw new AroInputException($"{path}: line 1: column '{column}' is missing");
            }
        }
    }

    public string Path { get; }

    public string Header { get; }

    /// <summary>The next row: its case index, group, correctness and raw text (with its line end); null at the end.</summary>
    public (int Index, string Group, bool Correct, string Raw)? Next()
    {
        if (!_csv.Read())
        {
            return null;
        }

        var line = _csv.Parser.Row;
        if (!int.TryParse(_csv.GetField("index"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            throw new AroInputException($"{Path}: line {line}: field 'index' is not an integer");
        }

        var correct = _csv.GetField("correct") switch
        {
            "true" => true,
            "false" => false,
            var other => throw new AroInputException($"{Path}: line {line}: field 'correct' is '{other}', expected true or false"),
        };
        return (index, _csv.GetField("group")!, correct, _csv.Parser.RawRecord);
    }

    public void Dispose()
    {
        _csv.Dispose();
        _reader.Dispose();
    }
}
