using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Aro.Core.Imaging;

/// <summary>
/// Opens an image file as 8-bit RGB, the way <c>Image.open(p).convert("RGB")</c> does: alpha is dropped (not
/// composited), grayscale is replicated, palettes are expanded; EXIF orientation is ignored, as in PIL.
/// ImageSharp 2.1 has known flaws with crafted files, so the header is identified first and images whose
/// declared size exceeds <see cref="MaxPixels"/> are refused before any pixel is decoded.
/// </summary>
public sealed class ImageLoader
{
    /// <summary>PIL's <c>Image.MAX_IMAGE_PIXELS</c> (the decompression-bomb warning threshold).</summary>
    public const long DefaultMaxPixels = 89_478_485;

    private readonly Configuration _configuration;

    public ImageLoader(long maxPixels = DefaultMaxPixels)
    {
        MaxPixels = maxPixels;

        // One image per thread: the pipeline parallelises across images, so decoders must not fan out too.
        _configuration = Configuration.Default.Clone();
        _configuration.MaxDegreeOfParallelism = 1;
    }

    public long MaxPixels { get; }

    /// <summary>Loads <paramref name="path"/>; failures are <see cref="ImageLoadException"/> naming the file.</summary>
    public RgbPixels Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException ex)
        {
            throw new ImageLoadException(path, "file not found", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new ImageLoadException(path, "file not found", ex);
        }
        catch (IOException ex)
        {
            throw new ImageLoadException(path, "cannot be read: " + ex.Message, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ImageLoadException(path, "cannot be read: " + ex.Message, ex);
        }

        return Decode(bytes, path);
    }

    /// <summary>Decodes an in-memory image; <paramref name="name"/> only appears in errors.</summary>
    public RgbPixels Decode(byte[] bytes, string name)
    {
        try
        {
            var info = Image.Identify(_configuration, bytes, out _)
                ?? throw new ImageLoadException(name, "not a recognised image format");
            CheckSize(info.Width, info.Height, name);
            using var image = Image.Load<Rgb24>(_configuration, bytes);
            CheckSize(image.Width, image.Height, name);
            var data = new byte[image.Width * image.Height * 3];
            image.CopyPixelDataTo(MemoryMarshal.Cast<byte, Rgb24>(data.AsSpan()));
            return new RgbPixels(image.Width, image.Height, data);
        }
        catch (ImageLoadException)
        {
            throw;
        }
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException or InvalidDataException
            or ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException
            or OutOfMemoryException or NullReferenceException)
        {
            // ImageSharp signals corrupt or truncated data with several exception types; all mean "bad file".
            throw new ImageLoadException(name, "cannot be decoded: " + ex.Message, ex);
        }
    }

    private void CheckSize(int width, int height, string name)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ImageLoadException(name, $"declares an empty size {width}x{height}");
        }

        if ((long)width * height > MaxPixels)
        {
            throw new ImageLoadException(name, $"declares {width}x{height} = {(long)width * height} pixels, more than the limit of {MaxPixels}");
        }
    }
}
