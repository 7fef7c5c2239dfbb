namespace Aro.Core.Perturbations;

/// <summary>
/// The text perturbations of the ARO paper's retrieval experiment (its <c>main_retrieval.py --text-perturb-fn</c>),
/// applied to captions already cleaned by <c>pre_caption</c>; <see cref="None"/> is the original caption. Names are the
/// official function names (<see cref="CaptionPerturbations"/>).
/// </summary>
public enum CaptionPerturbation
{
    /// <summary><c>none</c>: the cleaned caption itself.</summary>
    None = 0,

    /// <summary><c>shuffle_all_words</c>: the words (the caption split on single spaces) permuted.</summary>
    ShuffleAllWords = 1,

    /// <summary><c>shuffle_nouns_and_adj</c>, as in the Order subsets.</summary>
    ShuffleNounsAndAdjectives = 2,

    /// <summary><c>shuffle_allbut_nouns_and_adj</c>, as in the Order subsets.</summary>
    ShuffleAllButNounsAndAdjectives = 3,

    /// <summary><c>shuffle_within_trigrams</c>, as in the Order subsets.</summary>
    ShuffleWithinTrigrams = 4,

    /// <summary><c>shuffle_trigrams</c>, as in the Order subsets.</summary>
    ShuffleTrigrams = 5,
}
