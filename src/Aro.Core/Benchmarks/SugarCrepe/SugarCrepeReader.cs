using System.Runtime.CompilerServices;
using Aro.Core.Cases;

namespace Aro.Core.Benchmarks.SugarCrepe;

/// <summary>
/// Streams one SugarCrepe file as cases, in file order: id = the record's key, image <c>{root}/val2017/{filename}</c>
/// (whole, no crop), options <c>[caption, negative_caption]</c> used as given, label 0, group = the subset's name.
/// </summary>
public sealed class SugarCrepeReader : ICaseReader
{
    private readonly SugarCrepeSubset _subset;
    private readonly string _annotationFile;
    private readonly string _imageRoot;

    public SugarCrepeReader(SugarCrepeSubset subset, string dataRoot)
    {
        _subset = subset;
        _annotationFile = Path.GetFullPath(Path.Combine(dataRoot, subset.Data.MarkerFile));
        _imageRoot = Path.GetFullPath(Path.Combine(dataRoot, SugarCrepeSubset.ImageFolder));
        if (!File.Exists(_annotationFile))
        {
            throw new AroInputException(
                $"{subset.Title} annotations not found: {_annotationFile} (expected {subset.Data.MarkerFile} and {SugarCrepeSubset.ImageFolder}/ under {dataRoot})");
        }
    }

    public IReadOnlyList<string> SourceFiles => [_annotationFile];

    public IReadOnlyList<string> DataFolders => [Path.GetDirectoryName(_annotationFile)!];

    public async IAsyncEnumerable<AroCase> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var index = 0;
        await foreach (var (key, record, at) in JsonRecordMap.ReadAsync(_annotationFile, cancellationToken).ConfigureAwait(false))
        {
            var image = JsonFields.RequirePath(record, "filename", at);
            var caption = JsonFields.RequireString(record, "caption", at);
            var negative = JsonFields.RequireString(record, "negative_caption", at);
            yield return new AroCase(index, key, Path.Combine(_imageRoot, image), null, [caption, negative], 0, _subset.Name);
            index++;
        }

        if (index == 0)
        {
            throw EmptyCaseFile.Error(_annotationFile, "records");
        }
    }
}
