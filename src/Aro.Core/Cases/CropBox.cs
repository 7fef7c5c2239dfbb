
namespace Aro.Core.Cases;

/// <summary>
/// A crop box in source-image pixels, as ARO's VG records give it: left, top, width, height.
/// Values may be fractional; <see cref="Imaging.PilCrop"/> rounds them the way PIL does.
/// </summary>
public readonly record struct CropBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{X:R}, {Y:R}, {Width:R}, {Height:R}]");
}
