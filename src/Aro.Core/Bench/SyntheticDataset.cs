using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Aro.Core.Bench;

/// <summary>
/// A generated VG-like dataset for <c>aro bench</c>: photo-sized JPEGs (500 x 375, gradients, shapes and noise, so
/// decoding costs what a real photo costs) and a cases.jsonl with one crop box and two captions per case, every
/// image and caption distinct, so nothing is de-duplicated away and the pipeline does the full work per case.
/// </summary>
public static class SyntheticDataset
{
    private static readonly string[] Subjects = ["man", "woman", "dog", "horse", "table", "bench", "car", "tree", "plate", "shirt", "bike", "clock"];
    private static readonly string[] Relations = ["on", "behind", "holding", "wearing", "near", "under", "riding", "sitting on", "in front of"];

    /// <summary>Writes <paramref name="cases"/> cases (and as many images) under <paramref name="dir"/>; returns the cases file.</summary>
    public static string Write(string dir, int cases, int seed = 7)
    {
        Directory.CreateDirectory(Path.Combine(dir, "images"));
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var i = 0; i < cases; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"img_{i:D6}.jpg");
            WriteJpeg(Path.Combine(dir, "images", name), 500, 375, random);
            var x = random.Next(0, 200);
            var y = random.Next(0, 150);
            var w = random.Next(80, 500 - x);
            var h = random.Next(60, 375 - y);
            var a = Subjects[random.Next(Subjects.Length)];
            var b = Subjects[random.Next(Subjects.Length)];
            var relation = Relations[random.Next(Relations.Length)];
            text.Append(CultureInfo.InvariantCulture,
                $"{{\"id\":\"bench-{i:D6}\",\"image\":\"images/{name}\",\"bbox\":[{x},{y},{w},{h}],\"captions\":[\"the {b} is {relation} the {a} {i}\",\"the {a} is {relation} the {b} {i}\"],\"label\":1,\"group\":\"{relation}\"}}\n");
        }

        var path = Path.Combine(dir, "cases.jsonl");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static void WriteJpeg(string path, int width, int height, Random random)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var canvas = surface.Canvas;
        using (var gradient = new SKPaint())
        {
            gradient.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, 0), new SKPoint(width, height), [RandomColor(random), RandomColor(random)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, gradient);
        }

        using var paint = new SKPaint { IsAntialias = true };
        for (var s = 0; s < 12; s++)
        {
            paint.Color = RandomColor(random);
            canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(10, 90), paint);
        }

        // Speckle noise: real photos have texture, which is what makes JPEG decoding cost what it costs.
        using var noise = new SKPaint();
        for (var n = 0; n < 6000; n++)
        {
            noise.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 90);
            canvas.DrawPoint(random.Next(width), random.Next(height), noise);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    private static SKColor RandomColor(Random random) => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
}
