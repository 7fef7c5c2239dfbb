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

    [JsonPropertyName("image_transform")]
    public ManifestImageTransform? ImageTransform { get; init; }

    [JsonPropertyName("tokenizer")]
    public ManifestTokenizer? Tokenizer { get; init; }

    [JsonPropertyName("scoring")]
    public string? Scoring { get; init; }

    [JsonPropertyName("provenance")]
    public ManifestProvenance? Provenance { get; init; }
}
