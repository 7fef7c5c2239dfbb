using System.Text.Json.Serialization;

namespace Aro.Core.Models;

/// <summary>Where a package's weights came from, recorded by the export script.</summary>
public sealed class ManifestProvenance
{
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("license")]
    public string? License { get; init; }

    [JsonPropertyName("created_by")]
    public string? CreatedBy { get; init; }

    /// <summary>For NegCLIP: <c>gelu</c> (as the official code ran it) or <c>quick_gelu</c> (as trained).</summary>
    [JsonPropertyName("activation")]
    public string? Activation { get; init; }

    [JsonPropertyName("sha256")]
    public Dictionary<string, string>? Sha256 { get; init; }
}
