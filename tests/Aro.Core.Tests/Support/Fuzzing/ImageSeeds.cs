using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Pbm;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tga;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Tiff.Constants;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace Aro.Core.Tests.Support.Fuzzing;

/// <summary>
/// Valid images in every format aro reads, generated here so the fuzz corpus needs no files: SkiaSharp encodes
/// JPEG, PNG and WebP (the encoders a camera or browser would use), ImageSharp the rest and the variants Skia
/// cannot write (GIF, BMP at several depths, interlaced and palette PNG, grayscale JPEG, TIFF, TGA, PBM).
/// The picture is a small gradient with noise, odd-sized, so every encoder has real work to do.
/// </summary>
public static class ImageSeeds
{
    public const int Width = 37;
    public const int Height = 23;

    public static IReadOnlyList<ImageSeed> All { get; } = Build();

    /// <summary>The pixels every seed encodes, RGBA.</summary>
    public static byte[] Rgba()
    {
        var random = new Random(7);
        var rgba = new byte[Width * Height * 4];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var i = ((y * Width) + x) * 4;
                rgba[i] = (byte)((x * 255 / Width) ^ random.Next(32));
                rgba[i + 1] = (byte)((y * 255 / Height) ^ random.Next(32));
                rgba[i + 2] = (byte)(((x + y) * 4) + random.Next(16));
                rgba[i + 3] = (byte)(200 + random.Next(56));
            }
        }

        return rgba;
    }

    private static List<ImageSeed> Build()
    {
        var rgba = Rgba();
        using var image = Image.LoadPixelData<Rgba32>(rgba, Width, Height);
        using var animated = image.Clone();
        animated.Frames.AddFrame(image.Frames.RootFrame);
        return
        [
            Skia("jpeg", "Skia JPEG q90", rgba, SKEncodedImageFormat.Jpeg, 90),
            Skia("png", "Skia PNG RGBA", rgba, SKEncodedImageFormat.Png, 100),
            Skia("webp", "Skia WebP lossy", rgba, SKEncodedImageFormat.Webp, 80),
            Skia("webp", "Skia WebP lossless", rgba, SKEncodedImageFormat.Webp, 101),
            Sharp("jpeg", "ImageSharp JPEG grayscale", image, new JpegEncoder { ColorType = JpegColorType.Luminance, Quality = 85 }),
            Sharp("jpeg", "ImageSharp JPEG 4:2:0", image, new JpegEncoder { ColorType = JpegColorType.YCbCrRatio420, Quality = 75 }),
            Sharp("png", "ImageSharp PNG interlaced", image, new PngEncoder { InterlaceMethod = PngInterlaceMode.Adam7, ColorType = PngColorType.Rgb }),
            Sharp("png", "ImageSharp PNG palette", image, new PngEncoder { ColorType = PngColorType.Palette }),
            Sharp("png", "ImageSharp PNG 16-bit", image, new PngEncoder { ColorType = PngColorType.RgbWithAlpha, BitDepth = PngBitDepth.Bit16 }),
            Sharp("gif", "ImageSharp GIF", image, new GifEncoder()),
            Sharp("gif", "ImageSharp GIF two frames", animated, new GifEncoder()),
            Sharp("bmp", "ImageSharp BMP 24-bit", image, new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel24 }),
            Sharp("bmp", "ImageSharp BMP 32-bit", image, new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel32 }),
            Sharp("bmp", "ImageSharp BMP 8-bit", image, new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel8 }),
            Sharp("bmp", "ImageSharp BMP 1-bit", image, new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel1 }),
            Sharp("tiff", "ImageSharp TIFF uncompressed", image, new TiffEncoder { Compression = TiffCompression.None }),
            Sharp("tiff", "ImageSharp TIFF LZW", image, new TiffEncoder { Compression = TiffCompression.Lzw }),
            Sharp("tiff", "ImageSharp TIFF Deflate", image, new TiffEncoder { Compression = TiffCompression.Deflate }),
            Sharp("tiff", "ImageSharp TIFF PackBits", image, new TiffEncoder { Compression = TiffCompression.PackBits }),
            Sharp("tga", "ImageSharp TGA", image, new TgaEncoder { Compression = TgaCompression.None, BitsPerPixel = TgaBitsPerPixel.Pixel24 }),
            Sharp("tga", "ImageSharp TGA RLE", image, new TgaEncoder { Compression = TgaCompression.RunLength, BitsPerPixel = TgaBitsPerPixel.Pixel32 }),
            Sharp("pbm", "ImageSharp PPM binary", image, new PbmEncoder { Encoding = PbmEncoding.Binary, ColorType = PbmColorType.Rgb }),
            Sharp("pbm", "ImageSharp PPM plain", image, new PbmEncoder { Encoding = PbmEncoding.Plain, ColorType = PbmColorType.Rgb }),
        ];
    }

    private static ImageSeed Skia(string format, string name, byte[] rgba, SKEncodedImageFormat encoding, int quality)
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var image = SKImage.FromPixelCopy(info, rgba);
        using var data = quality > 100
            ? image.PeekPixels()!.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100))
            : image.Encode(encoding, quality);
        return new ImageSeed(format, new FuzzInput(name, data?.ToArray() ?? throw new InvalidOperationException($"Skia could not encode {name}")));
    }

    private static ImageSeed Sharp(string format, string name, Image<Rgba32> image, IImageEncoder encoder)
    {
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return new ImageSeed(format, new FuzzInput(name, stream.ToArray()));
    }
}
