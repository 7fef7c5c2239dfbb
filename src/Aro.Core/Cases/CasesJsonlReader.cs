using System.Runtime.CompilerServices;
using System.Text.Json;
using Aro.Core.IO;

namespace Aro.Core.Cases;

/// <summary>
/// Reads the frozen <c>cases.jsonl</c> form of any subset (docs/cases-format.md), one case a line:
/// <c>{"id", "image", "bbox"?, "captions", "label", "group"?}</c>. Image paths resolve against the file's folder.
/// Which subset the file holds (and so its metric and tie rule) is the benchmarks' call, from
/// <see cref="FirstRecord"/>: the first record's optional <c>subset</c> field, else its id's prefix.
/// A line that is not a JSON object of those fields and types is an error naming the line and the field; a case of
/// the right shape that cannot be scored (one option, a label out of range) is read, and left to the pipeline. A line
/// longer than <see cref="RecordLimits.MaxRecordBytes"/> is an error naming it, found before the line is held whole.
/// </summary>
public sealed class CasesJsonlReader : ICaseReader
{
    private readonly string _path;
    private readonly string _folder;
    private readonly string _defaultGroup;
    private readonly IReadOnlyList<string> _dataFolders;

    /// <param name="path">The cases file.</param>
    /// <param name="defaultGroup">The group of records without one (the subset's name; default the file's name).</param>
    /// <param name="dataFolders">Folders besides the file's own where its images may lie (<c>--data</c> and the data
    /// root: a file frozen by <c>aro data freeze</c> points into the data it was frozen from).</param>
    public CasesJsonlReader(string path, string? defaultGroup = null, IReadOnlyList<string>? dataFolders = null)
    {
        _path = Path.GetFullPath(path);
        _folder = Path.GetDirectoryName(_path)!;
        _dataFolders = [_folder, .. (dataFolders ?? []).Select(Path.GetFullPath).Where(f => f != _folder).Distinct(StringComparer.Ordinal)];
        _defaultGroup = defaultGroup ?? Path.GetFileNameWithoutExtension(_path);
        if (!File.Exists(_path))
        {
            throw new AroInputException($"cases file not found: {_path}");
        }
    }

    public IReadOnlyList<string> SourceFiles => [_path];

    public IReadOnlyList<string> DataFolders => _dataFolders;

    public async IAsyncEnumerable<AroCase> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(RegularFile.OpenRead(_path, "cases file"));
        var lines = new BoundedLineReader(reader, RecordLimits.MaxRecordBytes);
        var fileName = Path.GetFileName(_path);
        var lineNumber = 0;
        var index = 0;
        while (true)
        {
            var (line, tooLong) = await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            lineNumber++;
            if (tooLong)
            {
                throw RecordLimits.TooLarge(new RecordLocation(fileName, "line", lineNumber), "the line");
            }

            if (line is null)
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var at = new RecordLocation(fileName, "line", lineNumber);
            yield return Parse(line, at, index);
            index++;
        }

        if (index == 0)
        {
            throw EmptyCaseFile.Error(_path, "cases (every line is empty)");
        }
    }

    private AroCase Parse(string line, RecordLocation at, int index)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new AroInputException($"{at}: malformed JSON at column {ex.BytePositionInLine + 1}: {ex.Message.Split(" Path:")[0]}", ex);
        }

        using (document)
        {
            var record = document.RootElement;
            JsonFields.RequireObject(record, at);
            var id = JsonFields.RequireString(record, "id", at);
            var image = JsonFields.RequirePath(record, "image", at);
            var bbox = JsonFields.OptionalNumberArray(record, "bbox", 4, at);
            var captions = JsonFields.RequireStringArray(record, "captions", at);
            var label = JsonFields.RequireInt(record, "label", at);
            var group = JsonFields.OptionalString(record, "group", at) ?? _defaultGroup;

            // A record of the right shape is a case; whether it can be scored (two options or more, a label among
            // them, non-empty captions, a usable box and image) is the pipeline's call (Eval/CaseProblems), so
            // --on-error skip can leave it out. docs/robustness.md draws the line.
            CropBox? crop = bbox is null ? null : new CropBox(bbox[0], bbox[1], bbox[2], bbox[3]);
            return new AroCase(index, id, Path.GetFullPath(Path.Combine(_folder, image)), crop, captions, label, group);
        }
    }

    /// <summary>
    /// The <c>id</c> and optional <c>subset</c> of the file's first record (null where absent or not a string); a
    /// malformed or overlong first line gives (null, null) here and is reported with its line number when the cases are
    /// read.
    /// </summary>
    public static (string? Id, string? Subset) FirstRecord(string path)
    {
        using var reader = new StreamReader(RegularFile.OpenRead(path, "cases file"));
        var lines = new BoundedLineReader(reader, RecordLimits.MaxRecordBytes);
        while (lines.ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult() is { TooLong: false, Line: { } line })
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                return root.ValueKind != JsonValueKind.Object ? (null, null) : (Text(root, "id"), Text(root, "subset"));
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // An id that is not valid Unicode throws the latter.
                return (null, null);
            }
        }

        return (null, null);
    }

    private static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
