using System.Runtime.CompilerServices;
using System.Text.Json;
using Aro.Core.Cases;
using Aro.Core.IO;

namespace Aro.Core.Benchmarks.Winoground;

/// <summary>
/// Winoground from the Hugging Face dataset's files: <c>examples.jsonl</c> (one JSON object a line: <c>id, image_0,
/// image_1, caption_0, caption_1, tag, secondary_tag, num_main_preds, collapsed_tag</c>) and <c>images/&lt;name&gt;.png</c>.
/// The instance id is the file's <c>id</c>, its group the <c>collapsed_tag</c>; captions are used as given.
/// </summary>
public sealed class WinogroundSubset : PairMatchingSubset
{
    /// <summary>The folder under a data root that holds Winoground.</summary>
    public const string Folder = "winoground";

    /// <summary>The annotation file.</summary>
    public const string ExamplesFile = "examples.jsonl";

    /// <summary>The folder of the images, beside the annotation file.</summary>
    public const string ImageFolder = "images";

    internal WinogroundSubset()
    {
    }

    public override string Name => "winoground";

    public override string Title => "Winoground";

    public override string IdPrefix => Name;

    public override DataLayout Data { get; } = new([Folder], ExamplesFile);

    public override int? OfficialCases => 400;

    public override IDataSource Source => WinogroundDataSource.Instance;

    public override string AnnotationFile(string folder) => Path.GetFullPath(Path.Combine(folder, ExamplesFile));

    /// <summary>The image file of an image name (<c>ex_0_img_0</c>), relative to the data folder.</summary>
    public static string ImagePath(string name) => $"{ImageFolder}/{name}.png";

    public override async IAsyncEnumerable<PairInstance> ReadInstancesAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(folder);
        await foreach (var (record, at, index) in ReadRecordsAsync(AnnotationFile(folder), cancellationToken).ConfigureAwait(false))
        {
            yield return new PairInstance(
                index,
                IdOf(record, at),
                Path.GetFullPath(Path.Combine(root, ImagePath(JsonFields.RequirePath(record, "image_0", at)))),
                Path.GetFullPath(Path.Combine(root, ImagePath(JsonFields.RequirePath(record, "image_1", at)))),
                JsonFields.RequireString(record, "caption_0", at),
                JsonFields.RequireString(record, "caption_1", at),
                JsonFields.RequireString(record, "collapsed_tag", at));
        }
    }

    public override async Task<SubsetAnnotations> ScanAsync(string folder, CancellationToken cancellationToken = default)
    {
        var path = AnnotationFile(folder);
        var builder = new SubsetAnnotations.Builder(path);
        await foreach (var (record, at, _) in ReadRecordsAsync(path, cancellationToken).ConfigureAwait(false))
        {
            builder.AddImage(ImagePath(JsonFields.RequirePath(record, "image_0", at)));
            builder.AddImage(ImagePath(JsonFields.RequirePath(record, "image_1", at)));
            builder.AddCases(1);
        }

        return builder.Build();
    }

    /// <summary>The first line's problem, or null: what a downloaded <c>examples.jsonl</c> must pass before it is kept.</summary>
    public static string? CheckExamples(string path)
    {
        using var reader = new StreamReader(path);
        var line = reader.ReadLine();
        try
        {
            using var document = JsonDocument.Parse(line ?? "");
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("caption_0", out _)
                ? null
                : "its first line is not a Winoground example (a JSON object with caption_0)";
        }
        catch (JsonException)
        {
            return "its first line is not JSON";
        }
    }

    /// <summary>The <c>id</c> field: a number in the official file; a string is accepted too.</summary>
    private static string IdOf(JsonElement record, RecordLocation at) =>
        record.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number
            ? id.GetRawText()
            : JsonFields.RequireString(record, "id", at);

    private static async IAsyncEnumerable<(JsonElement Record, RecordLocation At, int Index)> ReadRecordsAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new AroInputException($"Winoground annotations not found: {path} (expected {ExamplesFile} and {ImageFolder}/ in {Path.GetDirectoryName(path)})");
        }

        using var reader = new StreamReader(RegularFile.OpenRead(path, "Winoground annotations"));
        var fileName = Path.GetFileName(path);
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
                JsonFields.RequireObject(document.RootElement, at);
                yield return (document.RootElement, at, index++);
            }
        }
    }
}
