using Aro.Core.IO;
using CsvHelper;

namespace Aro.Core.Results;

/// <summary>
/// Streams <c>&lt;subset&gt;.captions.csv</c> (<see cref="ResultColumns.Captions"/>): every caption text a retrieval
/// subset scored, so anyone can read what a perturbation did. Written under a temporary name and renamed into place
/// by <see cref="Commit"/>; abandoned (disposed without it), nothing is left.
/// </summary>
public sealed class CaptionsCsvWriter : IDisposable
{
    private readonly AtomicFile _file;
    private readonly CsvWriter _csv;
    private bool _closed;

    public CaptionsCsvWriter(string path)
    {
        _file = AtomicFile.Create(path);
        _csv = CsvFormat.CreateWriter(_file.Stream);
        CsvFormat.WriteRecord(_csv, ResultColumns.Captions);
    }

    public void Write(string perturbation, string seed, int captionIndex, int imageIndex, string text)
    {
        _csv.WriteField(perturbation);
        _csv.WriteField(seed);
        _csv.WriteField(CsvFormat.Int(captionIndex));
        _csv.WriteField(CsvFormat.Int(imageIndex));
        _csv.WriteField(text);
        _csv.NextRecord();
    }

    public void Commit()
    {
        Close();
        _file.Commit();
    }

    public void Dispose()
    {
        Close();
        _file.Dispose();
    }

    private void Close()
    {
        if (!_closed)
        {
            _csv.Flush();
            _csv.Dispose();
            _closed = true;
        }
    }
}
