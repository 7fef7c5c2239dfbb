using System.Runtime.CompilerServices;
using Aro.Core.Benchmarks;
using Aro.Core.Cases;
using Aro.Core.Perturbations;

namespace Aro.Core.Benchmarks.Aro;

/// <summary>
/// Streams COCO-Order or Flickr30k-Order from a Karpathy test split as BLIP packages it
/// (<c>coco_karpathy_test.json</c>, <c>flickr30k_test.json</c>): a JSON list of records with <c>image</c>, a path
/// relative to the data root, and <c>caption</c>, a list of captions (a single string is accepted too).
/// </summary>
/// <remarks>
/// Every caption of every record is one case, in file order (25,010 for COCO, 5,000 for Flickr30k): image
/// <c>{root}/{image}</c>, options from <see cref="OrderCaseBuilder"/> (original first), label 0, group = the
/// subset name, id <c>coco-order-000000</c> etc. Case <c>i</c>'s options depend only on the seed, <c>i</c> and its
/// caption, so a prefix or shard of the subset has the same options as the full run.
/// </remarks>
public sealed class KarpathySplitReader : ICaseReader
{
    private readonly string _annotationFile;
    private readonly string _root;
    private readonly OrderCaseBuilder _builder;

    /// <summary>A reader that perturbs with the embedded tagger and <paramref name="seed"/>.</summary>
    /// <param name="subset"><see cref="OrderSubset.Coco"/> or <see cref="OrderSubset.Flickr"/>.</param>
    /// <param name="dataRoot">The folder holding the split file and the image folders it names.</param>
    /// <param name="seed">The perturbation seed.</param>
    public KarpathySplitReader(OrderSubset subset, string dataRoot, long seed = OrderCaseBuilder.DefaultSeed)
        : this(subset, dataRoot, new OrderCaseBuilder(seed))
    {
    }

    /// <summary>A reader that builds options with <paramref name="builder"/>.</summary>
    public KarpathySplitReader(OrderSubset subset, string dataRoot, OrderCaseBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(subset);
        ArgumentNullException.ThrowIfNull(dataRoot);
        Subset = subset;
        _builder = builder ?? throw new ArgumentNullException(nameof(builder));
        _root = Path.GetFullPath(dataRoot);
        _annotationFile = Path.Combine(_root, subset.Data.MarkerFile);
        if (!File.Exists(_annotationFile))
        {
            throw new AroInputException(
                $"{subset.Title} annotations not found: {_annotationFile} (expected {subset.Data.MarkerFile} and its image folder under {dataRoot})");
        }
    }

    public OrderSubset Subset { get; }

    public IReadOnlyList<string> SourceFiles => [_annotationFile];

    public IReadOnlyList<string> DataFolders => [_root];

    /// <summary>The perturbation seed.</summary>
    public long Seed => _builder.Seed;

    public async IAsyncEnumerable<AroCase> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var index = 0;
        await foreach (var (record, at) in JsonRecordList.ReadAsync(_annotationFile, cancellationToken).ConfigureAwait(false))
        {
            var image = JsonFields.RequirePath(record, "image", at);
            var captions = JsonFields.RequireStringOrStringArray(record, "caption", at);
            var imagePath = Path.GetFullPath(Path.Combine(_root, image));
            foreach (var caption in captions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new AroCase(
                    index, Subset.CaseId(index), imagePath, null, _builder.BuildOptions(caption, index), 0, Subset.Name);
                index++;
            }
        }

        if (index == 0)
        {
            throw EmptyCaseFile.Error(_annotationFile, "captions");
        }
    }

    /// <summary>Counts captions without building (tagging, shuffling) their options.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var (record, at) in JsonRecordList.ReadAsync(_annotationFile, cancellationToken).ConfigureAwait(false))
        {
            count += JsonFields.RequireStringOrStringArray(record, "caption", at).Count;
        }

        return count;
    }

    /// <summary>
    /// The cases (captions) and images a Karpathy split file asks for, read without building cases: shared by every
    /// benchmark that reads these files.
    /// </summary>
    public static async Task<SubsetAnnotations> ScanAsync(string title, string annotationFile, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(annotationFile);
        if (!File.Exists(path))
        {
            throw new AroInputException($"{title} annotations not found: {path}");
        }

        var builder = new SubsetAnnotations.Builder(path);
        await foreach (var (record, at) in JsonRecordList.ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            builder.AddImage(JsonFields.RequireString(record, "image", at));
            builder.AddCases(JsonFields.RequireStringOrStringArray(record, "caption", at).Count);
        }

        return builder.Build();
    }
}
