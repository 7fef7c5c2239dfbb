using System.Globalization;
using System.Text.Json;
using Aro.Core.Cases;
using Aro.Core.Imaging;
using Aro.TestSupport;

namespace Aro.Core.Tests.Siglip;

/// <summary>
/// data/demo's cases read straight from the files (ids as aro numbers VG records, <c>vg-relation-000000</c>;
/// options [false, true] for VG; the VG box as the crop), so these fixture checks need no case reader.
/// </summary>
internal static class DemoCases
{
    public static readonly string[] Subsets = ["relation", "attribution", "cases"];

    public static List<DemoCase> Read(string subset)
    {
        var data = RepoPaths.InRepo("data", "demo");
        var cases = new List<DemoCase>();
        if (subset == "cases")
        {
            foreach (var line in File.ReadLines(Path.Combine(data, "cases.jsonl")).Where(l => l.Length > 0))
            {
                using var record = JsonDocument.Parse(line);
                var root = record.RootElement;
                cases.Add(new DemoCase(root.GetProperty("id").GetString()!, Path.Combine(data, root.GetProperty("image").GetString()!), null,
                    [.. root.GetProperty("captions").EnumerateArray().Select(c => c.GetString()!)]));
            }

            return cases;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, $"visual_genome_{subset}.json")));
        var index = 0;
        foreach (var r in document.RootElement.EnumerateArray())
        {
            var crop = new CropBox(r.GetProperty("bbox_x").GetDouble(), r.GetProperty("bbox_y").GetDouble(),
                r.GetProperty("bbox_w").GetDouble(), r.GetProperty("bbox_h").GetDouble());
            cases.Add(new DemoCase($"vg-{subset}-{index.ToString("D6", CultureInfo.InvariantCulture)}",
                Path.Combine(data, "images", r.GetProperty("image_path").GetString()!), crop,
                [r.GetProperty("false_caption").GetString()!, r.GetProperty("true_caption").GetString()!]));
            index++;
        }

        return cases;
    }

    public static DemoCase Find(string id) => Subsets.SelectMany(Read).First(c => c.Id == id);

    /// <summary>SigLIP's pixels for the tiny package with aro's squash transform (bicubic 32 x 32, mean/std 0.5).</summary>
    public static float[] SiglipPixels(DemoCase demoCase)
    {
        var image = new ImageLoader().Load(demoCase.ImagePath);
        if (demoCase.Crop is { } box)
        {
            image = PilCrop.Crop(image, box);
        }

        float[] half = [0.5f, 0.5f, 0.5f];
        var transform = ImageTransforms.Create(new ImageTransformSpec(ResizeMode.Squash, 32, 32, 32, false, half, half));
        var tensor = new float[transform.TensorLength];
        transform.Apply(image, tensor);
        return tensor;
    }
}

/// <summary>One data/demo case: its id, image, VG crop (null for Order cases) and caption options.</summary>
internal sealed record DemoCase(string Id, string ImagePath, CropBox? Crop, IReadOnlyList<string> Options);
