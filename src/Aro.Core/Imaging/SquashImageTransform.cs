namespace Aro.Core.Imaging;

/// <summary>
/// BLIP's and SigLIP's preprocessing: <c>Resize((h, w), resample)</c> ignoring the aspect ratio (bicubic for BLIP and
/// SigLIP, bilinear for SigLIP 2: <see cref="ImageTransformSpec.Resample"/>), no crop, then <c>ToTensor</c> and
/// <c>Normalize</c>.
/// </summary>
public sealed class SquashImageTransform : IImageTransform
{
    public SquashImageTransform(ImageTransformSpec spec)
    {
        if (spec.Resize != ResizeMode.Squash)
        {
            throw new ArgumentException("SquashImageTransform needs a squash resize", nameof(spec));
        }

        spec.Validate("image transform");
        Spec = spec;
    }

    public ImageTransformSpec Spec { get; }

    public int TensorLength => 3 * Spec.Height * Spec.Width;

    public void Apply(RgbPixels image, Span<float> destination)
    {
        using var resized = PilResampler.Resize(image, Spec.Resample, Spec.Width, Spec.Height);
        ChwNormalizer.Write(resized, Spec.Mean, Spec.Std, destination);
    }
}
