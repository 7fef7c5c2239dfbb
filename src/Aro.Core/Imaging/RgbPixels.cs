namespace Aro.Core.Imaging;

/// <summary>
/// An 8-bit RGB raster, rows top to bottom, pixels interleaved R, G, B. The transforms work on this plain
/// buffer because PIL's arithmetic (8-bit rounding between resize passes) is defined on bytes.
/// </summary>
public sealed class RgbPixels
{
    public RgbPixels(int width, int height, byte[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        if (data.Length < checked(width * height * 3))
        {
            throw new ArgumentException($"buffer of {data.Length} bytes is too small for {width}x{height} RGB", nameof(data));
        }

        Width = width;
        Height = height;
        Data = data;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Interleaved RGB bytes; at least <c>Width * Height * 3</c> long.</summary>
    public byte[] Data { get; }

    /// <summary>Bytes per row.</summary>
    public int Stride => Width * 3;
}
