using Aro.Core.Perturbations;
using Aro.Core.Pipeline;

namespace Aro.Core.Evaluation;

/// <summary>How retrieval subsets run (<c>--perturbations</c>, <c>--image-perturbations</c>); their seeds are the run's.</summary>
/// <param name="Perturbations">Caption perturbations, in order; the original captions are always scored, first.</param>
/// <param name="ImagePerturbations">Image perturbations (none by default), each scored against the original captions.</param>
/// <param name="ItmCandidates">BLIP's candidates per query under ITM + ITC (its <c>k_test</c>, 128).</param>
public sealed record RetrievalOptions(
    IReadOnlyList<CaptionPerturbation> Perturbations,
    IReadOnlyList<ImagePerturbation> ImagePerturbations,
    int ItmCandidates = RetrievalPlan.BlipCandidates)
{
    /// <summary>Every caption perturbation of the official code, no image perturbation.</summary>
    public static RetrievalOptions Default { get; } = new(CaptionPerturbations.All, []);

    /// <summary>The evaluation plan for <paramref name="seeds"/>.</summary>
    public RetrievalPlan Plan(IReadOnlyList<int> seeds)
    {
        if (ItmCandidates < 1)
        {
            throw new AroInputException($"the ITM candidates per query must be at least 1, not {ItmCandidates}");
        }

        return new RetrievalPlan([CaptionPerturbation.None, .. Perturbations.Where(p => p != CaptionPerturbation.None).Distinct()], [.. ImagePerturbations.Distinct()], [.. seeds.Distinct()], ItmCandidates);
    }
}
