using System.Globalization;
using Aro.Core.Cases;
using CsvHelper;

namespace Aro.Core.Results;

/// <summary>
/// Reads one of aro's own result CSVs back, record by record, with typed fields whose errors name the file, the
/// line and the field (exit code 2): these files are inputs to <c>aro report</c> and <c>aro compare</c>, often
/// hand-edited or produced by an older version, so every value is checked rather than trusted.
/// </summary>
internal sealed class CsvInput : IDisposable
{
    private readonly StreamReader _reader;
    private readonly CsvReader _csv;
    private string[] _header;

    private CsvInput(string path)
    {
        Path = path;
        _reader = new StreamReader(path);
        _csv = new CsvReader(_reader, CsvFormat.Configuration);
        _header = [];
    }

    public string Path { get; }

    /// <summary>Where the current record starts, for messages.</summary>
    public RecordLocation At => new(Path, "line", _csv.Parser.RawRow);

    /// <summary>Opens <paramref name="path"/> and checks that its header has every <paramref name="required"/> column.</summary>
    public static CsvInput Open(string path, IReadOnlyList<string> required)
    {
        if (!File.Exists(path))
        {
            throw new AroInputException($"{path}: file not found");
        }

        var input = new CsvInput(path);
        try
        {
            input.ReadHeader(required);
            return input;
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    public bool HasColumn(string column) => _header.Contains(column, StringComparer.Ordinal);

    /// <summary>Advances to the next record; false at the end. A record with a different field count than the header is an error.</summary>
    public bool Read()
    {
        try
        {
            if (!_csv.Read())
            {
                return false;
            }
        }
        catch (CsvHelperException ex)
        {
            throw Malformed(ex);
        }

        if (_csv.Parser.Count != _header.Length)
        {
            throw new AroInputException($"{At}: {_csv.Parser.Count} fields, but the header has {_header.Length}");
        }

        return true;
    }

    public string Text(string column)
    {
        var value = Raw(column);
        return value.Length > 0 ? value : throw At.Error(column, "is empty");
    }

    /// <summary>A field's text, which may be empty.</summary>
    public string OptionalText(string column) => Raw(column);

    /// <summary>A share between 0 and 1 (accuracies, std of accuracies).</summary>
    public double Share(string column)
    {
        var text = Raw(column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw At.Error(column, $"'{text}' is not a number");
        }

        return value is >= 0 and <= 1 ? value : throw At.Error(column, $"{text} is not between 0 and 1");
    }

    public int Count(string column)
    {
        var text = Raw(column);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw At.Error(column, $"'{text}' is not a non-negative integer");
        }

        return value;
    }

    /// <summary>An optional count column (older files lack it): 0 when the header has no such column.</summary>
    public int OptionalCount(string column) => HasColumn(column) ? Count(column) : 0;

    public bool Bool(string column)
    {
        var text = Raw(column);
        return text switch
        {
            "true" => true,
            "false" => false,
            _ => throw At.Error(column, $"'{text}' is not true or false"),
        };
    }

    public void Dispose()
    {
        _csv.Dispose();
        _reader.Dispose();
    }

    /// <summary>A field's text; CsvHelper parses fields lazily, so bad quoting surfaces here.</summary>
    private string Raw(string column)
    {
        try
        {
            return _csv.GetField(column) ?? "";
        }
        catch (CsvHelperException ex)
        {
            throw Malformed(ex);
        }
    }

    private void ReadHeader(IReadOnlyList<string> required)
    {
        try
        {
            if (!_csv.Read() || !_csv.ReadHeader())
            {
                throw new AroInputException($"{Path}: empty file; expected the header '{string.Join(',', required)}'");
            }
        }
        catch (CsvHelperException ex)
        {
            throw Malformed(ex);
        }

        _header = _csv.HeaderRecord ?? [];
        var missing = required.FirstOrDefault(column => !HasColumn(column));
        if (missing is not null)
        {
            throw new AroInputException(
                $"{Path}: line 1: missing column '{missing}' (header is '{string.Join(',', _header)}', expected '{string.Join(',', required)}')");
        }
    }

    private AroInputException Malformed(CsvHelperException ex)
    {
        var line = ex.Context?.Parser?.RawRow ?? 0;
        var problem = ex.Message.Split('\n', 2)[0].Trim();
        return new AroInputException($"{Path}: line {line}: malformed CSV: {problem}", ex);
    }
}
