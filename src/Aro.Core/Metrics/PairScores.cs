namespace Aro.Core.Metrics;

/// <summary>
/// The four scores of a pair-matching instance (Winoground) and its three outcomes, with Winoground's strict
/// comparisons: text correct iff s(c0,i0) &gt; s(c1,i0) and s(c1,i1) &gt; s(c0,i1) (each image prefers its own caption);
/// image correct iff s(c0,i0) &gt; s(c0,i1) and s(c1,i1) &gt; s(c1,i0) (each caption prefers its own image); group
/// correct iff both. A tie is wrong.
/// </summary>
/// <param name="C0I0">Caption 0 against image 0.</param>
/// <param name="C0I1">Caption 0 against image 1.</param>
/// <param name="C1I0">Caption 1 against image 0.</param>
/// <param name="C1I1">Caption 1 against image 1.</param>
public readonly record struct PairScores(double C0I0, double C0I1, double C1I0, double C1I1)
{
    public bool TextCorrect => C0I0 > C1I0 && C1I1 > C0I1;

    public bool ImageCorrect => C0I0 > C0I1 && C1I1 > C1I0;

    public bool GroupCorrect => TextCorrect && ImageCorrect;
}
