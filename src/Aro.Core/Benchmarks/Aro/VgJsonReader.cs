using System.Runtime.CompilerServices;
using Aro.Core.Cases;

namespace Aro.Core.Benchmarks.Aro;

/// <summary>
/// Streams the official VG-Relation / VG-Attribution JSON (a list of records): images under
/// <c>{root}/images/{image_path}</c>, crop box <c>bbox_x, bbox_y, bbox_w, bbox_h</c>, options
/// <c>[false_caption, true_caption]</c> used raw, correct index 1, group as the subset reads it from the record.
/// </summary>
public sealed class VgJsonReader : ICaseReader
{
    private readonly VgSubset _subset;
    private readonly string _annotationFile;
    private readonly string _imageRoot;

    public VgJsonReader(VgSubset subset, string dataRoot)
    {
        _subset = subset;
        _annotationFile = Path.GetFullPath(Path.Combine(dataRoot, subset.Data.MarkerFile));
        _imageRoot = Path.GetFullPath(Path.Combine(dataRoot, VgSubset.ImageFolder));
        if (!File.Exists(_annotationFile))
        {
            throw new AroInputException(
                $"{subset.Title} annotations not found: {_annotationFile} (expected {subset.Data.MarkerFile} and {VgSubset.ImageFolder}/ under {dataRoot})");
        }
    }

    public IReadOnlyList<string> SourceFiles => [_annotationFile];

    public IReadOnlyList<string> DataFolders => [Path.GetDirectoryName(_annotationFile)!];

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
            var group = _subset.ReadGroup(record, at);
            yield return new AroCase(
                index,
                _subset.CaseId(index),
                Path.Combine(_imageRoot, imagePath),
                box,
                [falseCaption, trueCaption],
                1,
                group);
            index++;
        }

        if (index == 0)
        {
            throw EmptyCaseFile.Error(_annotationFile, "records");
        }
    }
}
