using SkiaSharp;

namespace Aro.Benchmarks;

/// <summary>
/// A photo-like JPEG made on the fly, so the decode benchmark needs no data set: gradients, filled shapes and
/// seeded per-pixel noise give roughly the entropy (and so the Huffman/IDCT work) of a real photograph, which a
/// flat or purely synthetic image would understate.
/// </summary>
public static class SyntheticJpeg
{
    public static byte[] Create(int width, int height, int seed = 7, int quality = 90)
    {
        var random = new Random(seed);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var background = new SKPaint();
            background.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, 0), new SKPoint(width, height),
                [new SKColor(70, 120, 180), new SKColor(200, 180, 120), new SKColor(60, 90, 40)],
                SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, background);
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 40; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                var x = random.Next(width);
                var y = random.Next(height);
                var r = random.Next(5, Math.Max(6, Math.Min(width, height) / 5));
                if (i % 2 == 0)
                {
                    canvas.DrawCircle(x, y, r, paint);
                }
                else
                {
                    canvas.DrawRect(x - r, y - (r / 2), 2 * r, r, paint);
                }
            }
        }

        var pixels = bitmap.GetPixelSpan().ToArray();
        for (var i = 0; i < pixels.Length; i += 4)
        {
            var noise = random.Next(-12, 13);
            for (var c = 0; c < 3; c++)
            {
                pixels[i + c] = (byte)Math.Clamp(pixels[i + c] + noise + random.Next(-4, 5), 0, 255);
            }
        }

        using var noisy = new SKBitmap(info);
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, noisy.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(noisy);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
