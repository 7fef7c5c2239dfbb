using Aro.Core.IO;
using CsvHelper;

namespace Aro.Core.Results;

/// <summary>
/// Streams <c>&lt;subset&gt;.predictions.csv</c> (<c>index,id,group,label,prediction,correct,score_0..score_{L-1},option_0..option_{L-1}</c>,
/// docs/results-format.md)
/// through an <see cref="AtomicFile"/> whose partial file survives interruption: <see cref="Checkpoint"/> flushes
/// whole rows to disk and returns the length to resume from; <see cref="Commit"/> renames the file into place.
/// </summary>
public sealed class PredictionsCsvWriter : IDisposable
{
    private readonly AtomicFile _file;
    private readonly CsvWriter _csv;
    private readonly Sha256WriteStream _rows;
    private int? _optionCount;
    private bool _csvClosed;

    /// <param name="path">The final file.</param>
    /// <param name="partialPath">Where rows go until <see cref="Commit"/>.</param>
    /// <param name="resumeAt">Length of the complete prefix to keep and append to, or null to start a new file.</param>
    /// <param name="optionCount">The option count of the rows already in the prefix (when resuming).</param>
    public PredictionsCsvWriter(string path, string partialPath, long? resumeAt = null, int? optionCount = null)
    {
        _file = AtomicFile.OpenPartial(path, partialPath, resumeAt);
        _optionCount = resumeAt is null ? null : optionCount;
        _rows = new Sha256WriteStream(_file.Stream);
        if (resumeAt is { } length)
        {
            IncludePrefix(length);
        }

        _csv = CsvFormat.CreateWriter(_rows);
    }

    /// <summary>
    /// SHA-256 (lowercase hex) of the partial file's bytes so far, the kept prefix included: after
    /// <see cref="Checkpoint"/>, of exactly the prefix whose length it returned; right after opening to resume, of the
    /// kept prefix, for comparison with the checkpoint's record of it.
    /// </summary>
    public string RowsSha256 => _rows.CurrentHex;

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

        foreach (var option in result.Options)
        {
            _csv.WriteField(option);
        }

        _csv.NextRecord();
    }

    /// <summary>Writes every row so far to disk and returns the partial file's length (a resumable prefix).</summary>
    public long Checkpoint()
    {
        _csv.Flush();
        return _file.Checkpoint();
    }

    /// <summary>Finishes the file and renames it into place.</summary>
    public void Commit()
    {
        if (_optionCount is null)
        {
            WriteHeader(2);
        }

        _csv.Dispose();
        _csvClosed = true;
        _file.Commit();
    }

    public void Dispose()
    {
        if (!_csvClosed)
        {
            _csv.Dispose();
        }

        _rows.Dispose();
        _file.Dispose();
    }

    /// <summary>Reads the kept prefix back once, so the digest covers the whole file and not only this run's rows.</summary>
    private void IncludePrefix(long length)
    {
        var stream = _file.Stream;
        stream.Seek(0, SeekOrigin.Begin);
        var buffer = new byte[1 << 16];
        for (long left = length; left > 0;)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new EndOfStreamException($"{_file.TempPath}: ended before the {length} bytes kept for resuming");
            }

            _rows.Include(buffer.AsSpan(0, read));
            left -= read;
        }

        stream.Seek(length, SeekOrigin.Begin);
    }

    private void WriteHeader(int options)
    {
        CsvFormat.WriteRecord(_csv, ResultColumns.Predictions(options));
    }
}
