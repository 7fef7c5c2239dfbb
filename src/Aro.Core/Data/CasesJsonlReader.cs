using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Aro.Core.Data;

/// <summary>
/// Reads the frozen <c>cases.jsonl</c> form of any subset (DESIGN.md §4), one case a line:
/// <c>{"id", "image", "bbox"?, "captions", "label", "group"?}</c>. Image paths resolve against the file's folder.
/// The subset (and so its metric) is taken from the first id's prefix, e.g. <c>coco-order-000000</c>.
/// </summary>
public sealed class CasesJsonlReader : ICaseReader
{
    private readonly string _path;
    private readonly string _folder;

    public CasesJsonlReader(string path)
    {
        _path = Path.GetFullPath(path);
        _folder = Path.GetDirectoryName(_path)!;
        if (!File.Exists(_path))
        {
            throw new AroInputException($"cases file not found: {_path}");
        }

        Subset = DetectSubset();
    }

    public SubsetDefinition Subset { get; }

    public IReadOnlyList<string> SourceFiles => [_path];

    public async IAsyncEnumerable<AroCase> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(_path);
        var fileName = Path.GetFileName(_path);
        var lineNumber = 0;
        var index = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var at = new RecordLocation(fileName, "line", lineNumber);
            yield return Parse(line, at, index);
            index++;
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
            var image = JsonFields.RequireString(record, "image", at);
            var bbox = JsonFields.OptionalNumberArray(record, "bbox", 4, at);
            var captions = JsonFields.RequireStringArray(record, "captions", at);
            var label = JsonFields.RequireInt(record, "label", at);
            var group = JsonFields.OptionalString(record, "group", at) ?? Subset.Name;
            if (captions.Count < 2)
            {
                throw at.Error("captions", $"must hold at least 2 options, found {captions.Count}");
            }

            if (label < 0 || label >= captions.Count)
            {
                throw at.Error("label", $"must be an option index in 0..{captions.Count - 1}, found {label}");
            }

            CropBox? crop = bbox is null ? null : new CropBox(bbox[0], bbox[1], bbox[2], bbox[3]);
            return new AroCase(index, id, Path.GetFullPath(Path.Combine(_folder, image)), crop, captions, label, group);
        }
    }

    private SubsetDefinition DetectSubset()
    {
        using var reader = new StreamReader(_path);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("id", out var id)
                    && id.ValueKind == JsonValueKind.String
                    && SubsetRegistry.FromCaseId(id.GetString()!) is { } known)
                {
                    return known;
                }
            }
            catch (JsonException)
            {
                // Reported with its line number when the case is read.
            }

            break;
        }

        return SubsetRegistry.ForCasesFile(Path.GetFileNameWithoutExtension(_path));
    }
}
