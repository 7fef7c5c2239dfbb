namespace Aro.Core.Imaging;

/// <summary>Builds the transform a spec describes.</summary>
public static class ImageTransforms
{
    public static IImageTransform Create(ImageTransformSpec spec)
    {
        // The transforms of this build resample with PIL's bicubic filter only (PilBicubicResampler); a spec asking for
        // another filter must not be resized with the wrong one.
        if (spec.Resample != ResampleFilter.Bicubic)
        {
            throw new AroInputException(
                $"image transform: resample {ResampleFilters.Name(spec.Resample)} ({(int)spec.Resample}) is not implemented in this build; aro resizes with PIL's bicubic (3) only");
        }

        return spec.Resize switch
        {
            ResizeMode.Squash => new SquashImageTransform(spec),
            _ => new ClipImageTransform(spec),
        };
    }
}
