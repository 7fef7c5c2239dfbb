namespace Aro.Core.Imaging;

/// <summary>Builds the transform a spec describes; both resize with the spec's PIL filter (<see cref="PilResampler"/>).</summary>
public static class ImageTransforms
{
    public static IImageTransform Create(ImageTransformSpec spec)
    {
        return spec.Resize switch
        {
            ResizeMode.Squash => new SquashImageTransform(spec),
            _ => new ClipImageTransform(spec),
        };
    }
}
