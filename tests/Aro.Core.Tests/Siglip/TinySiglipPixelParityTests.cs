using System.Text.Json;
using Aro.Core.Data;
using Aro.Core.Imaging;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Siglip;

/// <summary>
/// SigLIP's image transform expressed with aro's existing squash transform (bicubic resize to the configured
/// size, /255, mean/std 0.5) against SiglipImageProcessor's steps as scripts/make_tiny_siglip.py ran them (PIL
/// bicubic resize, float64 * 1/255 cast to float32, (x - 0.5) / 0.5 in float32). The float arithmetic of the two
/// agrees for all 256 byte values, so the tensors must be equal bit for bit.
/// </summary>
public sealed class TinySiglipPixelParityTests
{
    public static TheoryData<string> Cases() => [.. TinySiglipReference.PixelCases];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Squash_tensor_equals_the_siglip_image_processor(string id)
    {
        var (imagePath, crop) = Locate(id);
        var image = new ImageLoader().Load(imagePath);
        if (crop is { } box)
        {
            image = PilCrop.Crop(image, box);
        }

        float[] half = [0.5f, 0.5f, 0.5f];
        var transform = ImageTransforms.Create(new ImageTransformSpec(ResizeMode.Squash, 32, 32, 32, false, half, half));
        var tensor = new float[transform.TensorLength];
        transform.Apply(image, tensor);

        Assert.Equal(TinySiglipReference.Pixels(id), tensor);
    }

    private static (string Image, CropBox? Crop) Locate(string id)
    {
        var data = RepoPaths.InRepo("data", "demo");
        if (id.StartsWith("vg-relation-", StringComparison.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "visual_genome_relation.json")));
            var record = document.RootElement[int.Parse(id["vg-relation-".Length..], System.Globalization.CultureInfo.InvariantCulture)];
            return (Path.Combine(data, "images", record.GetProperty("image_path").GetString()!),
                new CropBox(record.GetProperty("bbox_x").GetDouble(), record.GetProperty("bbox_y").GetDouble(),
                    record.GetProperty("bbox_w").GetDouble(), record.GetProperty("bbox_h").GetDouble()));
        }

        var line = File.ReadLines(Path.Combine(data, "cases.jsonl")).First(l => l.Contains($"\"{id}\"", StringComparison.Ordinal));
        using var order = JsonDocument.Parse(line);
        return (Path.Combine(data, order.RootElement.GetProperty("image").GetString()!), null);
    }
}
