using Aro.Core.Eval;
using Aro.Core.IO;
using CsvHelper;

namespace Aro.Core.Reports;

/// <summary>
/// Streams <c>&lt;subset&gt;.predictions.csv</c> (<c>index,id,group,label,prediction,correct,score_0..score_{L-1}</c>)
/// to a temporary file as results arrive, and renames it into place on <see cref="Commit"/>.
/// </summary>
public sealed class PredictionsCsvWriter : IDisposable
{
    private readonly AtomicFile _file;
    private readonly CsvWriter _csv;
    private int? _optionCount;

    public PredictionsCsvWriter(string path)
    {
        _file = AtomicFile.Create(path);
        _csv = CsvFormat.CreateWriter(_file.Stream);
    }

    public string Path => _file.Path;

    public void Write(CaseResult result)
    {
        if (_optionCount is null)
        {
            _optionCount = result.Scores.Count;
            WriteHeader(result.Scores.Count);
        }
        else if (result.Scores.Count != _optionCount)
        {
            throw new AroInputException(
                $"case {result.Id} has {result.Scores.Count} options but the subset's first case has {_optionCount}; all cases of a subset must have the same number of options");
        }

        _csv.WriteField(CsvFormat.Int(result.Index));
        _csv.WriteField(result.Id);
        _csv.WriteField(result.Group);
        _csv.WriteField(CsvFormat.Int(result.Label));
        _csv.WriteField(CsvFormat.Int(result.Prediction));
        _csv.WriteField(CsvFormat.Bool(result.Correct));
        foreach (var score in result.Scores)
        {
            _csv.WriteField(CsvFormat.Fixed7(score));
        }

        _csv.NextRecord();
    }

    public void Commit()
    {
        if (_optionCount is null)
        {
            WriteHeader(2);
        }

        _csv.Flush();
        _csv.Dispose();
        _file.Commit();
    }

    public void Dispose()
    {
        _csv.Dispose();
        _file.Dispose();
    }

    private void WriteHeader(int options)
    {
        foreach (var name in new[] { "index", "id", "group", "label", "prediction", "correct" })
        {
            _csv.WriteField(name);
        }

        for (var i = 0; i < options; i++)
        {
            _csv.WriteField(FormattableString.Invariant($"score_{i}"));
        }

        _csv.NextRecord();
    }
}
