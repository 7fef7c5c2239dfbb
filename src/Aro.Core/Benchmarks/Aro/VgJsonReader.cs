using System.Runtime.CompilerServices;
using System.Text.Json;
using Aro.Core.Cases;

namespace Aro.Core.Benchmarks.Aro;

/// <summary>
/// Streams the official VG-Relation / VG-Attribution JSON (a list of records, research/aro.md §2):
/// images under <c>{root}/images/{image_path}</c>, crop box <c>bbox_x, bbox_y, bbox_w, bbox_h</c>,
/// options <c>[false_caption, true_caption]</c> used raw, correct index 1.
/// </summary>
public abstract class VgJsonReader : ICaseReader
{
    private readonly string _annotationFile;
    private readonly string _imageRoot;

    protected VgJsonReader(SubsetDefinition subset, string dataRoot)
    {
        Subset = subset;
        _annotationFile = Path.GetFullPath(Path.Combine(dataRoot, subset.NativeFile!));
        _imageRoot = Path.GetFullPath(Path.Combine(dataRoot, "images"));
        if (!File.Exists(_annotationFile))
        {
            throw new AroInputException(
                $"{subset.Title} annotations not found: {_annotationFile} (expected {subset.NativeFile} and images/ under {dataRoot})");
        }
    }

    public SubsetDefinition Subset { get; }

    public IReadOnlyList<string> SourceFiles => [_annotationFile];

    public async IAsyncEnumerable<AroCase> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var index = 0;
        await foreach (var (record, at) in JsonRecordList.ReadAsync(_annotationFile, cancellationToken).ConfigureAwait(false))
        {
            var imagePath = JsonFields.RequirePath(record, "image_path", at);
            var box = new CropBox(
                JsonFields.RequireNumber(record, "bbox_x", at),
                JsonFields.RequireNumber(record, "bbox_y", at),
                JsonFields.RequireNumber(record, "bbox_w", at),
                JsonFields.RequireNumber(record, "bbox_h", at));
            var falseCaption = JsonFields.RequireString(record, "false_caption", at);
            var trueCaption = JsonFields.RequireString(record, "true_caption", at);
            var group = ReadGroup(record, at);
            yield return new AroCase(
                index,
                Subset.CaseId(index),
                Path.Combine(_imageRoot, imagePath),
                box,
                [falseCaption, trueCaption],
                1,
                group);
            index++;
        }
    }

    /// <summary>The group key of a record: the relation name, or the attribute pair.</summary>
    protected abstract string ReadGroup(JsonElement record, RecordLocation at);
}
