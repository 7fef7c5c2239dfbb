namespace Aro.Core.Imaging;

/// <summary>
/// How a model wants its pixels: the resize rule, the output size, the optional center crop, the resample filter
/// (<see cref="Resample"/>, bicubic unless set) and the per-channel normalisation. Read from <c>aro-model.json</c> or a
/// Hugging Face <c>preprocessor_config.json</c>.
/// </summary>
/// <param name="Resize">Shortest-side resize (CLIP) or squash to the output size (BLIP).</param>
/// <param name="ResizeShortestEdge">Target of the shorter side for <see cref="ResizeMode.ShortestSide"/>.</param>
/// <param name="Height">Output height (the crop height, or the squash height).</param>
/// <param name="Width">Output width.</param>
/// <param name="CenterCrop">Whether a center crop of <see cref="Height"/> x <see cref="Width"/> follows the resize.</param>
/// <param name="Mean">Per-channel mean (R, G, B) subtracted after scaling to [0, 1].</param>
/// <param name="Std">Per-channel standard deviation divided out after the mean.</param>
public sealed record ImageTransformSpec(
    ResizeMode Resize,
    int ResizeShortestEdge,
    int Height,
    int Width,
    bool CenterCrop,
    IReadOnlyList<float> Mean,
    IReadOnlyList<float> Std)
{
    /// <summary>
    /// PIL's filter for the resize: bicubic (3) for CLIP and BLIP, bilinear (2) for SigLIP 2. Set it with
    /// <c>with { Resample = ... }</c> or an initializer; <see cref="ResampleFilters.FromPilCode"/> reads a
    /// <c>resample</c> field.
    /// </summary>
    public ResampleFilter Resample { get; init; } = ResampleFilter.Bicubic;

    /// <summary>OpenAI CLIP's normalisation constants (open_clip <c>OPENAI_DATASET_MEAN/STD</c>).</summary>
    public static IReadOnlyList<float> ClipMean { get; } = [0.48145466f, 0.4578275f, 0.40821073f];

    /// <inheritdoc cref="ClipMean"/>
    public static IReadOnlyList<float> ClipStd { get; } = [0.26862954f, 0.26130258f, 0.27577711f];

    /// <summary>OpenAI CLIP ViT-B/32: bicubic shortest side to 224, center crop 224.</summary>
    public static ImageTransformSpec Clip(int size = 224) =>
        new(ResizeMode.ShortestSide, size, size, size, true, ClipMean, ClipStd);

    /// <summary>BLIP retrieval: bicubic squash to 384 x 384, no crop, CLIP's normalisation.</summary>
    public static ImageTransformSpec Blip(int size = 384) =>
        new(ResizeMode.Squash, size, size, size, false, ClipMean, ClipStd);

    /// <summary>Throws when the numbers cannot describe a transform.</summary>
    /// <param name="source">The file the values come from, for messages.</param>
    /// <param name="meanField">The mean's field in that file, for messages.</param>
    /// <param name="stdField">The std's field in that file, for messages.</param>
    public void Validate(string source, string meanField = "mean", string stdField = "std")
    {
        if (Height <= 0 || Width <= 0 || ResizeShortestEdge <= 0 || Height > 4096 || Width > 4096 || ResizeShortestEdge > 4096)
        {
            throw new AroInputException($"{source}: image size {Width}x{Height} (resize {ResizeShortestEdge}) is not a usable model input size");
        }

        if (Mean.Count != 3 || Std.Count != 3 || Mean.Any(m => !float.IsFinite(m)) || Std.Any(s => !(s > 0) || !float.IsFinite(s)))
        {
            throw new AroInputException($"{source}: image mean and std must hold 3 finite values each, std > 0 (fields '{meanField}' and '{stdField}')");
        }

        // Finite constants can still overflow float32: a std of 1e-45 (or a mean of 3e38 with a std below 1) makes every
        // pixel infinite, and the graph then gives NaN embeddings. Every byte value is tried with the expression the
        // normaliser computes (ChwNormalizer.Reference).
        string[] channels = ["red", "green", "blue"];
        for (var c = 0; c < 3; c++)
        {
            for (var v = 0; v < 256; v++)
            {
                var value = ChwNormalizer.Reference(v, Mean[c], Std[c]);
                if (!float.IsFinite(value))
                {
                    throw new AroInputException(
                        $"{source}: fields '{meanField}' and '{stdField}' ({channels[c]}: mean {Mean[c]:R}, std {Std[c]:R}) make pixel value {v} infinite " +
                        "((value / 255 - mean) / std overflows float32); use the model's real normalisation constants (CLIP's std is about 0.27)");
                }
            }
        }

        if (!Enum.IsDefined(Resample))
        {
            throw new AroInputException($"{source}: resample filter {(int)Resample} is not one aro implements (bilinear 2, bicubic 3)");
        }

        if (Resize == ResizeMode.ShortestSide && CenterCrop && (Height > ResizeShortestEdge || Width > ResizeShortestEdge))
        {
            throw new AroInputException($"{source}: center crop {Width}x{Height} is larger than the resized shorter side {ResizeShortestEdge}");
        }
    }
}
