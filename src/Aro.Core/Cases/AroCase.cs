
namespace Aro.Core.Cases;

/// <summary>
/// One benchmark case: one image (optionally cropped) and L candidate captions, of which
/// <see cref="Label"/> is the correct one. VG subsets: captions = [false, true], label 1.
/// Order subsets: captions = [original, 4 perturbed], label 0.
/// </summary>
/// <param name="Index">0-based position in the subset (sample order of every output file).</param>
/// <param name="Id">Stable case id, e.g. <c>vg-relation-000017</c>.</param>
/// <param name="ImagePath">Absolute path of the image file.</param>
/// <param name="Crop">Crop box applied before the model's transform, or null for the whole image.</param>
/// <param name="Captions">Candidate captions, in option order.</param>
/// <param name="Label">Index of the correct caption.</param>
/// <param name="Group">Group key for per-group accuracy (relation, attribute pair, subset name).</param>
public sealed record AroCase(
    int Index,
    string Id,
    string ImagePath,
    CropBox? Crop,
    IReadOnlyList<string> Captions,
    int Label,
    string Group);
