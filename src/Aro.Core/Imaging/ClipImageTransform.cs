namespace Aro.Core.Imaging;

/// <summary>
/// OpenAI CLIP's preprocessing as torchvision 0.14 runs it on a PIL image: <c>Resize(n, BICUBIC)</c> (the filter is
/// the spec's <see cref="ImageTransformSpec.Resample"/>) of the shorter side (the longer side becomes
/// <c>int(n * long / short)</c>), <c>CenterCrop</c> with offsets <c>int(round((size - crop) / 2))</c> (half-to-even),
/// <c>ToTensor</c>, <c>Normalize</c>. Only the cropped window of the resize is computed.
/// </summary>
public sealed class ClipImageTransform : IImageTransform
{
    public ClipImageTransform(ImageTransformSpec spec)
    {
        if (spec.Resize != ResizeMode.ShortestSide || !spec.CenterCrop)
        {
            throw new ArgumentException("ClipImageTransform needs a shortest-side resize followed by a center crop", nameof(spec));
        }

        spec.Validate("image transform");
        Spec = spec;
    }

    public ImageTransformSpec Spec { get; }

    public int TensorLength => 3 * Spec.Height * Spec.Width;

    /// <summary>The size torchvision's <c>Resize(int)</c> gives an image of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static (int Width, int Height) ResizedSize(int width, int height, int shortestEdge)
    {
        if (width <= height)
        {
            return (shortestEdge, (int)((double)shortestEdge * height / width));
        }

        return ((int)((double)shortestEdge * width / height), shortestEdge);
    }

    public void Apply(RgbPixels image, Span<float> destination)
    {
        var (width, height) = ResizedSize(image.Width, image.Height, Spec.ResizeShortestEdge);
        var top = (int)Math.Round((height - Spec.Height) / 2.0, MidpointRounding.ToEven);
        var left = (int)Math.Round((width - Spec.Width) / 2.0, MidpointRounding.ToEven);
        using var window = PilResampler.ResizeWindow(image, Spec.Resample, width, height, left, top, Spec.Width, Spec.Height);
        ChwNormalizer.Write(window, Spec.Mean, Spec.Std, destination);
    }
}
