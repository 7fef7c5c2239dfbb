
namespace Aro.Core.Perturbations;

/// <summary>
/// The four caption perturbations of COCO-Order and Flickr30k-Order, in option order: option <c>i + 1</c> of a
/// case is perturbation <c>i</c> (option 0 is the original). Names are ARO's function names
/// (<see cref="OrderPerturbationNames"/>).
/// </summary>
public enum OrderPerturbation
{
    /// <summary><c>shuffle_nouns_and_adj</c>: nouns permuted among the noun slots, then adjectives among the adjective slots.</summary>
    ShuffleNounsAndAdjectives = 0,

    /// <summary><c>shuffle_allbut_nouns_and_adj</c>: every token that is neither noun nor adjective permuted; nouns and adjectives stay.</summary>
    ShuffleAllButNounsAndAdjectives = 1,

    /// <summary><c>shuffle_within_trigrams</c>: tokens shuffled inside each consecutive chunk of three.</summary>
    ShuffleWithinTrigrams = 2,

    /// <summary><c>shuffle_trigrams</c>: the order of the consecutive chunks of three shuffled.</summary>
    ShuffleTrigrams = 3,
}
