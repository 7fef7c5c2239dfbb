using Aro.Core.Perturbations;

namespace Aro.Core.Pipeline;

/// <summary>What a retrieval evaluation scores besides the original captions and images.</summary>
/// <param name="TextPerturbations">Caption perturbations, in the order rows are written (<see cref="CaptionPerturbation.None"/> is always scored, first).</param>
/// <param name="ImagePerturbations">Image perturbations, scored against the original captions (none by default).</param>
/// <param name="Seeds">The seeds of every perturbation (each perturbation runs once per seed).</param>
/// <param name="ItmCandidates">BLIP's <c>k_test</c>: candidates per query re-scored with ITM + ITC (128, as the ARO code sets it).</param>
public sealed record RetrievalPlan(
    IReadOnlyList<CaptionPerturbation> TextPerturbations,
    IReadOnlyList<ImagePerturbation> ImagePerturbations,
    IReadOnlyList<int> Seeds,
    int ItmCandidates = RetrievalPlan.BlipCandidates)
{
    /// <summary>The ARO code's <c>config['k_test'] = 128</c>.</summary>
    public const int BlipCandidates = 128;

    /// <summary>Every caption perturbation, no image perturbation, seed 1: what a run does by default.</summary>
    public static RetrievalPlan Default { get; } = new(CaptionPerturbations.All, [], [1]);

    /// <summary>The caption perturbations other than the original, in order.</summary>
    public IReadOnlyList<CaptionPerturbation> Perturbed => [.. TextPerturbations.Where(p => p != CaptionPerturbation.None).Distinct()];
}
