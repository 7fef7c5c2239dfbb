using System.Buffers;

namespace Aro.Core.Imaging;

/// <summary>
/// An 8-bit RGB raster, rows top to bottom, pixels interleaved R, G, B. The transforms work on this plain
/// buffer because PIL's arithmetic (8-bit rounding between resize passes) is defined on bytes.
/// <para>
/// Rasters made by <see cref="Rent"/> borrow their buffer from <see cref="ArrayPool{T}.Shared"/> and give it back on
/// <see cref="Dispose"/>: a photo's buffers are hundreds of KB each, and allocating them per image kept the garbage
/// collector busy with full collections. Rasters built over a caller's array own nothing.
/// </para>
/// </summary>
public sealed class RgbPixels : IDisposable
{
    /// <summary>Buffers up to this size (a 1,000 x 1,000 RGBA decode; benchmark photos are far smaller) come from the pool.</summary>
    public const int PoolLimit = 4 * 1024 * 1024;

    private byte[]? _rented;

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

    /// <summary>Interleaved RGB bytes; at least <c>Width * Height * 3</c> long (a rented buffer may be longer).</summary>
    public byte[] Data { get; }

    /// <summary>Exactly the raster's bytes (a rented <see cref="Data"/> may be longer).</summary>
    public byte[] ToArray() => Data.AsSpan(0, Width * Height * 3).ToArray();

    /// <summary>Bytes per row.</summary>
    public int Stride => Width * 3;

    /// <summary>
    /// A raster over a pooled buffer of at least <paramref name="minimumBytes"/> (default: the RGB size), contents
    /// undefined.
    /// </summary>
    public static RgbPixels Rent(int width, int height, int minimumBytes = 0)
    {
        var size = Math.Max(checked(width * height * 3), minimumBytes);
        if (size > PoolLimit)
        {
            // A pool keeps what it is given back: a rare huge image would stay resident for the rest of the run.
            return new RgbPixels(width, height, new byte[size]);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(size);
        return new RgbPixels(width, height, buffer) { _rented = buffer };
    }

    public void Dispose()
    {
        if (_rented is { } buffer)
        {
            _rented = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
