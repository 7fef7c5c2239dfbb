using System.Globalization;
using Aro.TestSupport;

namespace Aro.Core.Tests.Siglip;

/// <summary>tests/fixtures/tiny-siglip and the PyTorch outputs scripts/make_tiny_siglip.py wrote for it.</summary>
internal static class TinySiglipReference
{
    public const int Width = 32;
    public const int ImageSize = 32;
    public const int Context = 64;

    /// <summary>The reference pixel tensors' cases.</summary>
    public static readonly string[] PixelCases = ["vg-relation-000003", "vg-relation-000014", "coco-order-000002", "coco-order-000008"];

    public static string Package { get; } = RepoPaths.InRepo("tests", "fixtures", "tiny-siglip");

    public static string Graph(string tower, string? variant = null) =>
        Path.Combine(Package, "onnx", variant is null ? $"{tower}.onnx" : $"{tower}_{variant}.onnx");

    public static string File(params string[] parts) => RepoPaths.InRepo(["tests", "fixtures", "reference", "tiny-siglip", .. parts]);

    /// <summary>tokens.csv: each caption's 64 ids.</summary>
    public static IReadOnlyList<(string Caption, long[] Ids)> Tokens() =>
        [.. CsvTable.Read(File("tokens.csv")).Rows.Select(r => (r["caption"], r["ids"].Split(' ').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray()))];

    public static Dictionary<string, float[]> TextEmbeddings() => Embeddings("text_embeds.csv", "caption");

    public static Dictionary<string, float[]> ImageEmbeddings() => Embeddings("image_embeds.csv", "id");

    /// <summary>A reference pixel tensor: 3 x 32 x 32, CHW.</summary>
    public static float[] Pixels(string id)
    {
        var bytes = System.IO.File.ReadAllBytes(File("pixels", id + ".f32"));
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }

    /// <summary>scores/&lt;subset&gt;.csv: case id to the cosine of each option.</summary>
    public static List<(string Id, double[] Scores)> Scores(string subset) =>
        [.. CsvTable.Read(File("scores", subset + ".csv")).Rows.Select(r =>
            (r["id"], r.Where(kv => kv.Key.StartsWith("score_", StringComparison.Ordinal)).OrderBy(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => CsvTable.Number(kv.Value)).ToArray()))];

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }

    public static double MaxAbsDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var max = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
        }

        return max;
    }

    private static Dictionary<string, float[]> Embeddings(string file, string key)
    {
        var table = CsvTable.Read(File("embeddings", file));
        return table.Rows.ToDictionary(
            r => r[key],
            r => Enumerable.Range(0, Width).Select(k => float.Parse(r[$"e_{k}"], CultureInfo.InvariantCulture)).ToArray(),
            StringComparer.Ordinal);
    }
}
