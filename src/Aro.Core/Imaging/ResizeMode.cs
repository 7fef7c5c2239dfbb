namespace Aro.Core.Imaging;

/// <summary>How the source image is brought to the model's size.</summary>
public enum ResizeMode
{
    /// <summary>Scale so the shorter side hits the target, keep the aspect ratio (torchvision <c>Resize(int)</c>).</summary>
    ShortestSide,

    /// <summary>Scale each axis to the output size, ignoring the aspect ratio (torchvision <c>Resize((h, w))</c>).</summary>
    Squash,
}
