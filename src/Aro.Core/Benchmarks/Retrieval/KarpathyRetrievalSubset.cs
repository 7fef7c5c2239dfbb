using Aro.Core.Cases;

namespace Aro.Core.Benchmarks.Retrieval;

/// <summary>
/// COCO or Flickr30k retrieval on a Karpathy test split (<c>coco_karpathy_test.json</c>, <c>flickr30k_test.json</c>: a
/// JSON list of <c>{"image": path relative to the data folder, "caption": [captions]}</c>), read as the official
/// <c>dataset_zoo/retrieval.py</c> reads it: image index = record index, every caption kept in file order with its
/// record's image (5,000 images and 25,010 captions for COCO, 1,000 and 5,000 for Flickr30k). Its data folder is the
/// Order subset's (<c>data/coco-order</c>), or one of its own name.
/// </summary>
public sealed class KarpathyRetrievalSubset : RetrievalSubset
{
    internal KarpathyRetrievalSubset(string name, string title, string orderFolder, string splitFile, int officialCaptions, IDataSource source)
    {
        Name = name;
        Title = title;
        Data = new DataLayout([name, orderFolder], splitFile);
        OfficialCases = officialCaptions;
        Source = source;
    }

    public override string Name { get; }

    public override string Title { get; }

    public override DataLayout Data { get; }

    /// <summary>Captions in the official split (the cases count of <c>aro data verify</c>).</summary>
    public override int? OfficialCases { get; }

    public override IDataSource Source { get; }

    /// <summary>The official <c>max_words=30</c>.</summary>
    public override int MaxWords => 30;

    public override async Task<RetrievalCorpus> ReadCorpusAsync(string folder, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(folder);
        var file = Path.Combine(root, Data.MarkerFile);
        if (!File.Exists(file))
        {
            throw new AroInputException($"{Title} annotations not found: {file} (expected {Data.MarkerFile} and its image folder under {folder})");
        }

        var images = new List<string>();
        var captions = new List<RetrievalCaption>();
        await foreach (var (record, at) in JsonRecordList.ReadAsync(file, cancellationToken).ConfigureAwait(false))
        {
            var image = JsonFields.RequirePath(record, "image", at);
            var texts = JsonFields.RequireStringOrStringArray(record, "caption", at);
            if (texts.Count == 0)
            {
                throw at.Error("caption", "is an empty list; every retrieval image needs at least one caption");
            }

            captions.AddRange(texts.Select(text => new RetrievalCaption(text, images.Count)));
            images.Add(Path.GetFullPath(Path.Combine(root, image)));
        }

        if (images.Count == 0)
        {
            throw EmptyCaseFile.Error(file, "images");
        }

        return new RetrievalCorpus(file, images, captions);
    }

    public override async Task<SubsetAnnotations> ScanAsync(string folder, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(Path.Combine(folder, Data.MarkerFile));
        if (!File.Exists(path))
        {
            throw new AroInputException($"{Title} annotations not found: {path}");
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
