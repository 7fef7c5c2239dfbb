namespace Aro.Core.Imaging;

/// <summary>Builds the transform a spec describes.</summary>
public static class ImageTransforms
{
    public static IImageTransform Create(ImageTransformSpec spec) => spec.Resize switch
    {
        ResizeMode.Squash => new SquashImageTransform(spec),
        _ => new ClipImageTransform(spec),
    };
}
