namespace Aro.Core.Imaging;

/// <summary>A model's image preprocessing: an RGB raster in, a normalised CHW float tensor out.</summary>
public interface IImageTransform
{
    /// <summary>What the transform does, for run.json and <c>aro models inspect</c>.</summary>
    ImageTransformSpec Spec { get; }

    /// <summary>Floats written per image: 3 x height x width.</summary>
    int TensorLength { get; }

    /// <summary>Writes the model input for <paramref name="image"/> into <paramref name="destination"/> (CHW).</summary>
    void Apply(RgbPixels image, Span<float> destination);
}
