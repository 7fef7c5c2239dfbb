namespace Aro.Core.Models;

/// <summary>
/// A file variant of an ONNX graph as transformers.js and Optimum publish them beside the fp32 file:
/// <c>vision_model.onnx</c> is fp32, <c>vision_model_fp16.onnx</c> fp16 and so on. <c>--variant</c> and the manifest's
/// <c>variant</c> take <see cref="Name"/> (or an alias: transformers.js calls <c>quantized</c> "q8").
/// </summary>
/// <param name="Name">The name run.json records.</param>
/// <param name="Suffix">What the file name carries before <c>.onnx</c> (empty for fp32).</param>
/// <param name="Description">What the file holds, for messages.</param>
/// <param name="QuantizesPerCall">
/// Dynamic quantisation (DynamicQuantizeLinear): activations get one scale per call, computed over the whole batch,
/// so an embedding depends on which other images or captions share its call (docs/siglip.md measures how much).
/// </param>
public sealed record GraphVariant(string Name, string Suffix, string Description, bool QuantizesPerCall = false)
{
    public static GraphVariant Fp32 { get; } = new("fp32", "", "float32 weights");

    /// <summary>Every variant aro recognises, fp32 first.</summary>
    public static IReadOnlyList<GraphVariant> All { get; } =
    [
        Fp32,
        new("fp16", "_fp16", "float16 weights (inputs and outputs may be float16)"),
        new("quantized", "_quantized", "8-bit weights, dynamic quantisation (transformers.js q8)", QuantizesPerCall: true),
        new("int8", "_int8", "int8 weights, dynamic quantisation", QuantizesPerCall: true),
        new("uint8", "_uint8", "uint8 weights, dynamic quantisation", QuantizesPerCall: true),
        new("q4", "_q4", "4-bit block-quantised MatMul weights"),
        new("q4f16", "_q4f16", "4-bit MatMul weights, float16 elsewhere"),
        new("bnb4", "_bnb4", "4-bit bitsandbytes-style weights"),
    ];

    /// <summary>The names <c>--variant</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(v => v.Name)];

    /// <summary>The variant named <paramref name="name"/> (or its alias), or null.</summary>
    public static GraphVariant? Find(string name) =>
        All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? (string.Equals(name, "q8", StringComparison.OrdinalIgnoreCase) ? All.First(v => v.Name == "quantized") : null);

    /// <summary>The variant's file for a graph whose fp32 file is <paramref name="fp32Path"/>.</summary>
    public string PathFor(string fp32Path) =>
        Suffix.Length == 0 ? fp32Path : Path.Combine(Path.GetDirectoryName(fp32Path)!, Path.GetFileNameWithoutExtension(fp32Path) + Suffix + Path.GetExtension(fp32Path));

    /// <summary>The variant a file's name says it is (<c>model_q4.onnx</c>: q4), fp32 when it carries no variant suffix.</summary>
    public static GraphVariant OfFile(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        return All.Where(v => v.Suffix.Length > 0 && stem.EndsWith(v.Suffix, StringComparison.Ordinal)).MaxBy(v => v.Suffix.Length) ?? Fp32;
    }

    /// <summary>The variants of <paramref name="fp32Path"/> present on disk, fp32 included when it is there.</summary>
    public static IReadOnlyList<GraphVariant> Present(string fp32Path) => [.. All.Where(v => File.Exists(v.PathFor(fp32Path)))];

    public override string ToString() => Name;
}
