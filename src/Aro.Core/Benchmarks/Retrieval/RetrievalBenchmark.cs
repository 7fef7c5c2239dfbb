namespace Aro.Core.Benchmarks.Retrieval;

/// <summary>
/// The ARO paper's retrieval experiment (Yuksekgonul et al., ICLR 2023, its <c>main_retrieval.py</c>): COCO and
/// Flickr30k image-text retrieval on the Karpathy test splits, with the original captions and with their words
/// shuffled, to show that retrieval barely needs word order (README.md in this folder). The subsets read the same
/// files and image folders as COCO-Order and Flickr30k-Order, so they are built with the Order subsets' data sources
/// (the registry hands them over: no benchmark folder uses another).
/// </summary>
public sealed class RetrievalBenchmark : BenchmarkDefinition
{
    /// <param name="cocoSource">Where COCO's Karpathy split and images come from (COCO-Order's source).</param>
    /// <param name="flickrSource">Where Flickr30k's split comes from, and what to say about its images (Flickr30k-Order's).</param>
    public RetrievalBenchmark(IDataSource cocoSource, IDataSource flickrSource)
    {
        Coco = new KarpathyRetrievalSubset("coco-retrieval", "COCO retrieval", "coco-order", "coco_karpathy_test.json", 25_010, cocoSource);
        Flickr = new KarpathyRetrievalSubset("flickr-retrieval", "Flickr30k retrieval", "flickr-order", "flickr30k_test.json", 5_000, flickrSource);
        Subsets = [Coco, Flickr];
    }

    public KarpathyRetrievalSubset Coco { get; }

    public KarpathyRetrievalSubset Flickr { get; }

    public override string Name => "retrieval";

    public override string Title => "Retrieval under word shuffles (ARO, Yuksekgonul et al., ICLR 2023)";

    public override IReadOnlyList<NativeSubset> Subsets { get; }

    /// <summary>No published numbers are shown: the paper reports this experiment as a figure, not a table aro could quote.</summary>
    public override PublishedResults Published { get; } = new(
        "none shown: the ARO paper reports the retrieval experiment as a figure (recall of CLIP and others with and without shuffled " +
        "captions), whose values cannot be quoted exactly; compare each model's perturbation rows with its own original row.",
        []);
}
