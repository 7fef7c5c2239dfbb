namespace Aro.Core.Perturbations;

/// <summary>
/// The image perturbations of the ARO paper's retrieval experiment (<c>main_retrieval.py --image-perturb-fn</c>):
/// blocks of the model's input tensor permuted. Names are the official ones (<see cref="ImagePerturbations"/>).
/// </summary>
public enum ImagePerturbation
{
    /// <summary><c>shuffle_rows_4</c>: four full-width bands of height <c>H // 4</c>, permuted.</summary>
    ShuffleRows4 = 0,

    /// <summary><c>shuffle_patches_9</c>: a 3 x 3 grid of <c>H // 3</c> x <c>W // 3</c> patches, permuted.</summary>
    ShufflePatches9 = 1,

    /// <summary><c>shuffle_cols_4</c>: four full-height bands of width <c>W // 4</c>, permuted.</summary>
    ShuffleCols4 = 2,
}
