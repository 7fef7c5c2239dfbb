using Aro.Core.Eval;
using CsvHelper;

namespace Aro.Core.Reports;

/// <summary>
/// Streams <c>&lt;subset&gt;.predictions.csv</c> (<c>index,id,group,label,prediction,correct,score_0..score_{L-1}</c>)
/// into a partial file as results arrive. <see cref="Checkpoint"/> flushes whole rows to disk and returns the file's
/// length, so an interrupted run can be resumed from that byte; <see cref="Commit"/> renames the file into place.
/// </summary>
public sealed class PredictionsCsvWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly CsvWriter _csv;
    private int? _optionCount;

    /// <param name="partialPath">Where rows go until <see cref="Commit"/>.</param>
    /// <param name="resumeAt">Length of the complete prefix to keep and append to, or null to start a new file.</param>
    /// <param name="optionCount">The option count of the rows already in the prefix (when resuming).</param>
    public PredictionsCsvWriter(string partialPath, long? resumeAt = null, int? optionCount = null)
    {
        PartialPath = Path.GetFullPath(partialPath);
        Directory.CreateDirectory(Path.GetDirectoryName(PartialPath)!);
        if (resumeAt is { } length)
        {
            _stream = new FileStream(PartialPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            if (_stream.Length < length)
            {
                _stream.Dispose();
                throw new AroInputException($"{PartialPath}: shorter ({length} bytes expected) than its checkpoint says; run again without --resume");
            }

            _stream.SetLength(length);
            _stream.Seek(length, SeekOrigin.Begin);
            _optionCount = optionCount;
        }
        else
        {
            _stream = new FileStream(PartialPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }

        _csv = CsvFormat.CreateWriter(_stream);
    }

    public string PartialPath { get; }

    /// <summary>The number of options of the rows written (null until the first row).</summary>
    public int? OptionCount => _optionCount;

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

    /// <summary>Writes every row so far to disk and returns the file's length (a resumable prefix).</summary>
    public long Checkpoint()
    {
        _csv.Flush();
        _stream.Flush(flushToDisk: true);
        return _stream.Length;
    }

    /// <summary>Finishes the file and renames it over <paramref name="finalPath"/>.</summary>
    public void Commit(string finalPath)
    {
        if (_optionCount is null)
        {
            WriteHeader(2);
        }

        Checkpoint();
        _csv.Dispose();
        _stream.Dispose();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(finalPath))!);
        File.Move(PartialPath, finalPath, overwrite: true);
    }

    public void Dispose()
    {
        _csv.Dispose();
        _stream.Dispose();
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
