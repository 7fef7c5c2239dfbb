using Aro.Core.Cases;
using Aro.Core.Metrics;

namespace Aro.Core.Benchmarks;

/// <summary>
/// The shape of a subset scored as retrieval: every image against every caption of a corpus (<see cref="RetrievalCorpus"/>),
/// recall@k in both directions, instead of one image against its own options. The evaluation dispatches on this type;
/// the members that mean something only for option cases are sealed here. A retrieval subset has no cases, so it cannot
/// be read as cases or frozen into a cases file.
/// </summary>
public abstract class RetrievalSubset : NativeSubset
{
    /// <summary>Text-to-image R@1 of the original captions: what summary.csv and <c>aro compare</c> carry for the subset.</summary>
    public static MetricOfRecord TextToImageRecallAt1 { get; } =
        new(MetricAggregate.Micro, "t2i@1", "text-to-image recall@1 of the original captions");

    /// <summary>The most words of a caption kept by <c>pre_caption</c> (the official <c>max_words</c>).</summary>
    public abstract int MaxWords { get; }

    /// <summary>Reads the whole corpus: every image in file order, every caption in file order with its image.</summary>
    public abstract Task<RetrievalCorpus> ReadCorpusAsync(string folder, CancellationToken cancellationToken = default);

    public sealed override string IdPrefix => Name;

    public sealed override MetricOfRecord Metric => TextToImageRecallAt1;

    /// <summary>One group, the subset: recall is over the whole corpus.</summary>
    public sealed override IGroupFilter GroupFilter => AllGroupsFilter.Instance;

    /// <summary>Not used: retrieval ranks, with its own tie rule (descending score, equal scores lower index first).</summary>
    public sealed override PredictionRule Prediction => PredictionRule.FirstArgmax;

    public sealed override ICaseReader OpenReader(string folder, int seed) => throw new AroInputException(
        $"{Name} is a retrieval subset: every image is scored against every caption, so it has no cases to read or freeze into a cases file. " +
        $"Evaluate it with `aro eval --subset {Name}`.");
}

/// <summary>A retrieval corpus: images and captions, each caption belonging to one image.</summary>
/// <param name="AnnotationFile">The file it was read from.</param>
/// <param name="Images">Each image's full path, in file order (image index = position).</param>
/// <param name="Captions">Each caption, raw, with its image's index, in file order (caption index = position).</param>
public sealed record RetrievalCorpus(string AnnotationFile, IReadOnlyList<string> Images, IReadOnlyList<RetrievalCaption> Captions)
{
    /// <summary>The first <paramref name="images"/> images and their captions (<c>--limit</c>).</summary>
    public RetrievalCorpus Take(int images) =>
        images >= Images.Count ? this : new(AnnotationFile, [.. Images.Take(images)], [.. Captions.Where(c => c.Image < images)]);
}

/// <summary>One caption of a retrieval corpus.</summary>
/// <param name="Text">The caption as the file gives it.</param>
/// <param name="Image">Its image's index.</param>
public readonly record struct RetrievalCaption(string Text, int Image);
