namespace Aro.Core.Metrics;

/// <summary>
/// Recall@k of a retrieval problem in both directions, for k = 1, 5 and 10. Image-to-text: the share of all images
/// with at least one of their own captions among the first k texts of their ranking (the ARO code's
/// <c>TextPrec@k</c>). Text-to-image: the share of all captions whose own image is among the first k images of their
/// ranking (<c>ImagePrec@k</c>). R@10 is BLIP's and CLIP_benchmark's addition, with the same definition.
/// </summary>
/// <param name="Images">Images (queries of image-to-text).</param>
/// <param name="Captions">Captions (queries of text-to-image).</param>
/// <param name="ImageHits">Images with a hit at each k of <see cref="Ks"/>.</param>
/// <param name="CaptionHits">Captions with a hit at each k of <see cref="Ks"/>.</param>
public sealed record RetrievalRecalls(int Images, int Captions, IReadOnlyList<int> ImageHits, IReadOnlyList<int> CaptionHits)
{
    /// <summary>The cut-offs reported.</summary>
    public static IReadOnlyList<int> Ks { get; } = [1, 5, 10];

    /// <summary>The longest ranking a query needs.</summary>
    public static int MaxK => Ks[^1];

    /// <summary>Image-to-text recall at <paramref name="k"/> (1, 5 or 10).</summary>
    public double ImageToText(int k) => Share(ImageHits[Position(k)], Images);

    /// <summary>Text-to-image recall at <paramref name="k"/> (1, 5 or 10).</summary>
    public double TextToImage(int k) => Share(CaptionHits[Position(k)], Captions);

    /// <summary>Recalls from each query's ranking (at least its first <see cref="MaxK"/>, or all of them).</summary>
    /// <param name="textsOfImage">Per image, text indices best first.</param>
    /// <param name="imagesOfText">Per caption, image indices best first.</param>
    /// <param name="imageOfCaption">Each caption's own image.</param>
    public static RetrievalRecalls From(IReadOnlyList<int[]> textsOfImage, IReadOnlyList<int[]> imagesOfText, IReadOnlyList<int> imageOfCaption)
    {
        ArgumentNullException.ThrowIfNull(textsOfImage);
        ArgumentNullException.ThrowIfNull(imagesOfText);
        ArgumentNullException.ThrowIfNull(imageOfCaption);
        var imageHits = new int[Ks.Count];
        for (var i = 0; i < textsOfImage.Count; i++)
        {
            var first = Array.FindIndex(textsOfImage[i], t => imageOfCaption[t] == i);
            Count(imageHits, first);
        }

        var captionHits = new int[Ks.Count];
        for (var t = 0; t < imagesOfText.Count; t++)
        {
            Count(captionHits, Array.IndexOf(imagesOfText[t], imageOfCaption[t]));
        }

        return new RetrievalRecalls(textsOfImage.Count, imagesOfText.Count, imageHits, captionHits);
    }

    private static void Count(int[] hits, int rank)
    {
        for (var k = 0; k < Ks.Count; k++)
        {
            if (rank >= 0 && rank < Ks[k])
            {
                hits[k]++;
            }
        }
    }

    private static int Position(int k) => Ks.Contains(k) ? Ks.ToList().IndexOf(k) : throw new ArgumentOutOfRangeException(nameof(k), k, "recall is reported at 1, 5 and 10");

    private static double Share(int hits, int total) => total == 0 ? 0 : (double)hits / total;
}
