namespace Aro.Core.Results;

/// <summary>
/// One row of <c>&lt;subset&gt;.retrieval.csv</c>: the recalls of one perturbation with one seed (or the mean or
/// standard deviation over the seeds).
/// </summary>
/// <param name="Perturbation">The perturbation's name: <c>none</c>, a caption perturbation or an image perturbation.</param>
/// <param name="Seed">The seed; empty for <c>none</c>; <c>mean</c> or <c>std</c> for the rows over several seeds.</param>
/// <param name="Images">Images in the corpus.</param>
/// <param name="Captions">Captions in the corpus.</param>
/// <param name="ImageToText">Image-to-text R@1, R@5, R@10, as shares.</param>
/// <param name="TextToImage">Text-to-image R@1, R@5, R@10, as shares.</param>
public sealed record RetrievalRow(string Perturbation, string Seed, int Images, int Captions, IReadOnlyList<double> ImageToText, IReadOnlyList<double> TextToImage)
{
    /// <summary>The seed field of rows over several seeds.</summary>
    public const string MeanSeed = "mean";

    public const string StdSeed = "std";

    /// <summary>True for a row of one run (not a mean or std row).</summary>
    public bool IsRun => Seed is not (MeanSeed or StdSeed);
}
