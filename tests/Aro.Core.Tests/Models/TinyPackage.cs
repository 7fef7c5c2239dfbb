using Aro.TestSupport;

namespace Aro.Core.Tests.Models;

/// <summary>
/// Package folders assembled from the tiny graphs of scripts/make_bad_models.py (tests/fixtures/bad-models) and the
/// demo CLIP vocabulary, so that each test builds exactly the layout it is about.
/// </summary>
internal static class TinyPackage
{
    public static string Graph(params string[] parts) => RepoPaths.InRepo(["tests", "fixtures", "bad-models", .. parts]);

    /// <summary>Copies <paramref name="vision"/> and <paramref name="text"/> to <paramref name="visionAt"/> and <paramref name="textAt"/> under <paramref name="folder"/>, with the demo vocab.json and merges.txt.</summary>
    public static string Make(string folder, string vision, string text, string visionAt = "vision_model.onnx", string textAt = "text_model.onnx")
    {
        Copy(Graph(vision), Path.Combine(folder, visionAt));
        Copy(Graph(text), Path.Combine(folder, textAt));
        Copy(RepoPaths.InRepo("models", "demo", "vocab.json"), Path.Combine(folder, "vocab.json"));
        Copy(RepoPaths.InRepo("models", "demo", "merges.txt"), Path.Combine(folder, "merges.txt"));
        return folder;
    }

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }

    /// <summary>Deterministic pixels for <paramref name="count"/> 224 x 224 images.</summary>
    public static float[] Pixels(int count, int seed = 7)
    {
        var random = new Random(seed);
        var pixels = new float[count * 3 * 224 * 224];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)(random.NextDouble() * 4 - 2);
        }

        return pixels;
    }
}
