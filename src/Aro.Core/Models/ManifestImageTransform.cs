using System.Text.Json.Serialization;

namespace Aro.Core.Models;

/// <summary>The <c>image_transform</c> object of <c>aro-model.json</c>.</summary>
public sealed class ManifestImageTransform
{
    [JsonPropertyName("size")]
    public int? Size { get; init; }

    /// <summary><c>shortest-side</c> or <c>squash</c>.</summary>
    [JsonPropertyName("resize")]
    public string? Resize { get; init; }

    [JsonPropertyName("center_crop")]
    public bool? CenterCrop { get; init; }

    /// <summary><c>bicubic</c> (PIL's 3, the default) or <c>bilinear</c> (2, SigLIP 2).</summary>
    [JsonPropertyName("interpolation")]
    public string? Interpolation { get; init; }

    [JsonPropertyName("mean")]
    public float[]? Mean { get; init; }

    [JsonPropertyName("std")]
    public float[]? Std { get; init; }
}
