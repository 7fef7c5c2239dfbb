using System.Globalization;
using System.Text;

namespace Aro.TestSupport;

/// <summary>
/// A cases.jsonl of any size built from the demo images (copied next to it) with a different crop box per case,
/// so every case needs its own image encoding: long enough runs to interrupt, shard and resume.
/// </summary>
public static class SyntheticCases
{
    public static string Write(string dir, int count, string fileName = "cases.jsonl")
    {
        var images = Directory.GetFiles(RepoPaths.InRepo("data", "demo", "images")).Order(StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(Path.Combine(dir, "images"));
        foreach (var image in images)
        {
            File.Copy(image, Path.Combine(dir, "images", Path.GetFileName(image)), overwrite: true);
        }

        var colors = new[] { "red", "blue", "green", "yellow", "white", "black" };
        var shapes = new[] { "square", "circle", "triangle", "star" };
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var image = Path.GetFileName(images[i % images.Count]);
            var x = i % 37;
            var y = i * 7 % 29;
            var w = 40 + (i % 50);
            var h = 30 + (i * 3 % 40);
            var a = $"{colors[i % colors.Length]} {shapes[i / colors.Length % shapes.Length]}";
            var b = $"{colors[(i + 2) % colors.Length]} {shapes[(i / 3) % shapes.Length]}";
            text.Append(CultureInfo.InvariantCulture,
                $"{{\"id\": \"synthetic-{i:D6}\", \"image\": \"images/{image}\", \"bbox\": [{x}, {y}, {w}, {h}], \"captions\": [\"the {b} is left of the {a}\", \"the {a} is left of the {b}\"], \"label\": 1, \"group\": \"{shapes[i % shapes.Length]}\"}}\n");
        }

        var path = Path.Combine(dir, fileName);
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
