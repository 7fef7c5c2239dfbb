using System.Text.Json.Serialization;

namespace Aro.Core.Models;

/// <summary>One file of a catalog model's download.</summary>
/// <param name="Path">Where it goes, relative to the model's folder (<c>onnx/vision_model.onnx</c>).</param>
/// <param name="Url">Where it comes from (https).</param>
/// <param name="Size">Its size in bytes, null until someone has measured it.</param>
/// <param name="Sha256">Its SHA-256 (64 lower-case hex digits), null until someone has measured it.</param>
public sealed record CatalogFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("size")] long? Size,
    [property: JsonPropertyName("sha256")] string? Sha256);
