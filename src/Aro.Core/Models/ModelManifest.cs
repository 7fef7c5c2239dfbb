using System.Text.Json.Serialization;
using Aro.Core.Perturbations;

namespace Aro.Core.Models;

/// <summary>
/// <c>aro-model.json</c>, the optional manifest of a model package (docs/model-packages.md). Every field is optional;
/// what is missing is inferred from the package's files.
/// </summary>
public sealed class ModelManifest
{
    public const string FileName = "aro-model.json";

    [JsonPropertyName("format")]
    public int Format { get; init; } = 1;

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("family")]
    public string? Family { get; init; }

    [JsonPropertyName("vision_model")]
    public string? VisionModel { get; init; }

    [JsonPropertyName("text_model")]
    public string? TextModel { get; init; }

    [JsonPropertyName("itm_model")]
    public string? ItmModel { get; init; }

    /// <summary>The file variant (<c>fp16</c>, <c>quantized</c>, ...) of every graph; <c>--variant</c> overrides it.</summary>
    [JsonPropertyName("variant")]
    public string? Variant { get; init; }

    /// <summary>The vision graph's input that takes the pixels (open_clip exports name it <c>image</c>); default its only input.</summary>
    [JsonPropertyName("vision_input")]
    public string? VisionInput { get; init; }

    /// <summary>The text graph's input that takes the token ids (open_clip exports name it <c>text</c>); default <c>input_ids</c>.</summary>
    [JsonPropertyName("text_input")]
    public string? TextInput { get; init; }

    /// <summary>The vision graph's output that is the image embedding; default the family's rule.</summary>
    [JsonPropertyName("vision_output")]
    public string? VisionOutput { get; init; }

    /// <summary>The text graph's output that is the text embedding; default the family's rule.</summary>
    [JsonPropertyName("text_output")]
    public string? TextOutput { get; init; }

    [JsonPropertyName("image_transform")]
    public ManifestImageTransform? ImageTransform { get; init; }

    [JsonPropertyName("tokenizer")]
    public ManifestTokenizer? Tokenizer { get; init; }

    [JsonPropertyName("scoring")]
    public string? Scoring { get; init; }

    [JsonPropertyName("provenance")]
    public ManifestProvenance? Provenance { get; init; }
}
